import { defineBundle } from '../shared/i18n.ts';

/** The worker app shell: sign-in, greeting, service tiles, settings. */
export const workerI18n = defineBundle({
  'zh-CN': {
    login: {
      title: '工友之家',
      subtitle: '工会是职工之家，我们一直在您身边',
      submit: '登录',
      consoleLink: '工会工作人员请进入工作平台',
    },
    greeting: {
      morning: '早上好',
      noon: '中午好',
      afternoon: '下午好',
      evening: '晚上好',
      name: '{{greeting}}，{{name}}',
      org: '{{org}}',
      guest: '工友',
    },
    home: {
      services: '我的服务',
      moreSoon: '更多服务正在陆续开通',
      slogan: '有困难，找工会',
    },
    settings: { title: '设置', language: '语言', logout: '退出登录', logoutConfirm: '确定退出登录？' },
    nav: { home: '首页', me: '我的' },
  },
  en: {
    login: {
      title: "Workers' Home",
      subtitle: 'Your union is your home — we are always here for you',
      submit: 'Sign in',
      consoleLink: 'Union staff: open the workbench',
    },
    greeting: {
      morning: 'Good morning',
      noon: 'Good day',
      afternoon: 'Good afternoon',
      evening: 'Good evening',
      name: '{{greeting}}, {{name}}',
      org: '{{org}}',
      guest: 'friend',
    },
    home: {
      services: 'My services',
      moreSoon: 'More services are on their way',
      slogan: 'In need? Your union is here to help',
    },
    settings: { title: 'Settings', language: 'Language', logout: 'Sign out', logoutConfirm: 'Sign out now?' },
    nav: { home: 'Home', me: 'Me' },
  },
  lo: {
    login: {
      title: 'ເຮືອນຂອງຜູ້ອອກແຮງງານ',
      subtitle: 'ກຳມະບານຄືເຮືອນຂອງຜູ້ອອກແຮງງານ, ພວກເຮົາຢູ່ຄຽງຂ້າງທ່ານສະເໝີ',
      submit: 'ເຂົ້າສູ່ລະບົບ',
      consoleLink: 'ພະນັກງານກຳມະບານ: ເຂົ້າສູ່ລະບົບເຮັດວຽກ',
    },
    greeting: {
      morning: 'ສະບາຍດີຕອນເຊົ້າ',
      noon: 'ສະບາຍດີຕອນທ່ຽງ',
      afternoon: 'ສະບາຍດີຕອນບ່າຍ',
      evening: 'ສະບາຍດີຕອນແລງ',
      name: '{{greeting}}, {{name}}',
      org: '{{org}}',
      guest: 'ໝູ່ເພື່ອນ',
    },
    home: {
      services: 'ບໍລິການຂອງຂ້ອຍ',
      moreSoon: 'ບໍລິການອື່ນໆກຳລັງຈະເປີດໃຫ້ໃຊ້ເທື່ອລະອັນ',
      slogan: 'ມີບັນຫາ, ຊອກຫາກຳມະບານ',
    },
    settings: { title: 'ຕັ້ງຄ່າ', language: 'ພາສາ', logout: 'ອອກຈາກລະບົບ', logoutConfirm: 'ຢືນຢັນການອອກຈາກລະບົບ?' },
    nav: { home: 'ໜ້າຫຼັກ', me: 'ຂອງຂ້ອຍ' },
  },
});
