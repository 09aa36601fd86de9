/** Provincial-level divisions (GB/T 2260), for hometown pickers. Guizhou first: the fair's priority origin. */
export const PROVINCES = [
  '贵州省',
  '云南省',
  '四川省',
  '重庆市',
  '广西壮族自治区',
  '湖南省',
  '湖北省',
  '江西省',
  '安徽省',
  '河南省',
  '河北省',
  '山东省',
  '山西省',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '西藏自治区',
  '内蒙古自治区',
  '黑龙江省',
  '吉林省',
  '辽宁省',
  '北京市',
  '天津市',
  '上海市',
  '江苏省',
  '浙江省',
  '福建省',
  '广东省',
  '海南省',
  '香港特别行政区',
  '澳门特别行政区',
  '台湾省',
] as const;

/** Cities with a preset point for "near me" when the browser's location is not shared. */
export const PRESET_PLACES = [
  { key: 'ningbo', lat: 29.868, lng: 121.544 },
  { key: 'beilun', lat: 29.899, lng: 121.846 },
  { key: 'mohan', lat: 21.2, lng: 101.6 },
  { key: 'mengla', lat: 21.48, lng: 101.56 },
  { key: 'jinghong', lat: 22.007, lng: 100.797 },
  { key: 'zhenfeng', lat: 25.386, lng: 105.65 },
] as const;
export type PresetPlace = (typeof PRESET_PLACES)[number]['key'];

/** Cities offered as job-search filters. */
export const JOB_CITIES = ['宁波', '景洪', '勐腊', '磨憨'] as const;
