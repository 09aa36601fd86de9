import type { Localized } from '../../platform/i18n/locale.ts';

/**
 * The trust checks the union runs on every new or edited posting, as data (see README.md
 * for the format). A rule that fires flags the posting; it then waits for union staff.
 * Patterns are JavaScript regular expressions (source text) matched against the posting's
 * title, description, tags and skills after `exceptions` (wording that makes a match
 * harmless, such as 免押金) have been blanked out.
 */
export type TrustRule =
  | {
      id: string;
      kind: 'text';
      patterns: string[];
      exceptions?: string[];
      reason: Localized;
    }
  | {
      id: string;
      kind: 'salary-above-norm';
      /** Flag when the top of the range exceeds the trade's usual top times this factor. */
      factor: number;
      reason: Localized;
    }
  | {
      id: string;
      kind: 'salary-range-width';
      /** Flag when salaryMax / salaryMin exceeds this ratio. */
      maxRatio: number;
      reason: Localized;
    }
  | { id: string; kind: 'employer-unverified'; reason: Localized };

export const TRUST_RULES: TrustRule[] = [
  {
    id: 'fees',
    kind: 'text',
    patterns: [
      '押金',
      '保证金',
      '培训费',
      '服装费',
      '工装费',
      '报名费',
      '中介费',
      '介绍费',
      '体检费自理',
      '先交[^，。；,;]{0,6}费',
      '(收取|缴纳|交纳)[^，。；,;]{0,8}费用?',
    ],
    exceptions: [
      '(无|免|不收|不收取|不交|无需缴纳|无需交)(任何)?押金',
      '(无|免|不收|不收取)(任何)?(保证金|培训费|服装费|工装费|报名费|中介费|介绍费)',
      '不(收取?|交|缴纳)任何费用',
      '(公司|单位|企业|厂方)(承担|报销|负责|出)[^，。；,;]{0,8}费用?',
      '[^，。；,;]{0,6}费用?(均|全部)?由(公司|单位|企业|厂方)(承担|报销|负责)',
      '(免费|带薪)培训',
      '免费(提供|发放)?(工装|服装)',
    ],
    reason: {
      'zh-CN': '向求职者收取费用或押金（押金、培训费、服装费等）',
      en: 'Charges the job seeker a fee or deposit (deposit, training fee, uniform fee…)',
      lo: 'ເກັບຄ່າທຳນຽມ ຫຼື ເງິນມັດຈຳຈາກຜູ້ຊອກວຽກ',
    },
  },
  {
    id: 'training-scheme',
    kind: 'text',
    patterns: [
      '招转培',
      '培训贷',
      '学费贷',
      '(先|需)(交|缴纳?)学费',
      '培训(后|合格后)[^，。；,;]{0,6}(推荐|安排)就业[^，。；,;]{0,6}(收费|缴费|贷款)',
    ],
    reason: {
      'zh-CN': '以招聘为名招收付费培训学员（招转培）',
      en: 'A training course sold as a job (招转培)',
      lo: 'ຂາຍຫຼັກສູດຝຶກອົບຮົມໃນນາມການຈ້າງງານ',
    },
  },
  {
    id: 'vehicle-condition',
    kind: 'text',
    patterns: [
      '(需|须|必须|要求)[^，。；,;]{0,6}(购买|购置|买|租用|租赁|租)[^，。；,;]{0,4}车',
      '买车上岗',
      '购车上岗',
      '以租代购',
      '车辆?(首付|月供)',
      '车贷',
      '租车费',
    ],
    reason: {
      'zh-CN': '以买车或租车作为入职条件',
      en: 'Buying or leasing a vehicle is a condition of the job',
      lo: 'ຕ້ອງຊື້ ຫຼື ເຊົ່າລົດເພື່ອໄດ້ວຽກ',
    },
  },
  {
    id: 'order-brushing',
    kind: 'text',
    patterns: ['刷单', '刷信誉', '刷好评', '点赞返利', '垫付', '网络兼职日结.{0,6}返'],
    reason: {
      'zh-CN': '涉嫌刷单或垫付类诈骗',
      en: 'Looks like an order-brushing or advance-payment scam',
      lo: 'ສົງໄສວ່າເປັນການສໍ້ໂກງແບບປັ່ນຄຳສັ່ງຊື້',
    },
  },
  {
    id: 'pay-far-above-norm',
    kind: 'salary-above-norm',
    factor: 1.8,
    reason: {
      'zh-CN': '薪资远高于该工种的通常水平（{max} 元，通常不超过 {norm} 元）',
      en: 'Pay far above the usual for this trade ({max} yuan; usually at most {norm})',
      lo: 'ເງິນເດືອນສູງກວ່າປົກກະຕິຫຼາຍ ({max} ຢວນ; ປົກກະຕິບໍ່ເກີນ {norm})',
    },
  },
  {
    id: 'pay-range-too-wide',
    kind: 'salary-range-width',
    maxRatio: 2.5,
    reason: {
      'zh-CN': '薪资范围过宽（{min}–{max} 元）',
      en: 'The pay range is too wide ({min}–{max} yuan)',
      lo: 'ຊ່ວງເງິນເດືອນກວ້າງເກີນໄປ ({min}–{max} ຢວນ)',
    },
  },
  {
    id: 'employer-unverified',
    kind: 'employer-unverified',
    reason: {
      'zh-CN': '用人单位尚未通过工会认证',
      en: 'The employer has not been verified by the union',
      lo: 'ນາຍຈ້າງຍັງບໍ່ໄດ້ຮັບການຢັ້ງຢືນຈາກສະຫະພັນ',
    },
  },
];

/**
 * Usual monthly pay (yuan) by trade, from the seed page's labour markets (Ningbo manufacturing,
 * Xishuangbanna agriculture and tourism, 磨憨 cross-border trade). A trade matches the first entry
 * whose key it contains; anything else uses DEFAULT_SALARY_NORM.
 */
export const TRADE_SALARY_NORMS: { key: string; min: number; max: number }[] = [
  { key: '工程师', min: 7000, max: 20000 },
  { key: '数控', min: 5500, max: 10000 },
  { key: 'CNC', min: 5500, max: 10000 },
  { key: '焊', min: 6000, max: 11000 },
  { key: '电工', min: 5500, max: 10000 },
  { key: '钳工', min: 5500, max: 10000 },
  { key: '装配', min: 5000, max: 8500 },
  { key: '质检', min: 4500, max: 8000 },
  { key: '注塑', min: 5000, max: 9000 },
  { key: '机器人', min: 6500, max: 13000 },
  { key: '操作', min: 4500, max: 8500 },
  { key: '普工', min: 4500, max: 7500 },
  { key: '仓', min: 4000, max: 7000 },
  { key: '叉车', min: 5000, max: 8000 },
  { key: '司机', min: 5000, max: 10000 },
  { key: '割胶', min: 3000, max: 6500 },
  { key: '橡胶', min: 3800, max: 7000 },
  { key: '制胶', min: 3800, max: 7000 },
  { key: '茶', min: 3000, max: 7000 },
  { key: '导游', min: 3500, max: 8000 },
  { key: '酒店', min: 3200, max: 6500 },
  { key: '餐饮', min: 3200, max: 6500 },
  { key: '铁路', min: 4500, max: 9000 },
  { key: '跨境电商', min: 4500, max: 10000 },
  { key: '翻译', min: 5000, max: 11000 },
  { key: '报关', min: 4500, max: 9000 },
  { key: '物流', min: 4000, max: 8000 },
  { key: '快递', min: 4500, max: 9000 },
  { key: '骑手', min: 5000, max: 10000 },
];

export const DEFAULT_SALARY_NORM = { min: 3500, max: 12000 };
