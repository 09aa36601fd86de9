import { Route, Routes } from 'react-router';
import { CampaignDetailPage } from './campaign-detail.page.tsx';
import { CampaignListPage } from './campaign-list.page.tsx';

/** Console: the campaigns list and one campaign's page (`campaigns/:id`). */
export function CampaignsRoute() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path=":id" element={<CampaignDetailPage />} />
    </Routes>
  );
}
