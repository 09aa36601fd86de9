import { defineErrors } from '../../platform/errors.ts';

export const benefitsErrors = defineErrors({
  'benefits/merchant-not-found': {
    status: 404,
    message: {
      'zh-CN': '商户不存在或不在您的范围内',
      en: 'No such merchant in your scope.',
      lo: 'ບໍ່ພົບຮ້ານຄ້ານີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'benefits/credit-code-taken': {
    status: 409,
    message: {
      'zh-CN': '该统一社会信用代码的商户已登记',
      en: 'A merchant with this unified social credit code is already registered.',
      lo: 'ຮ້ານຄ້າທີ່ມີລະຫັດສິນເຊື່ອນີ້ໄດ້ລົງທະບຽນແລ້ວ',
    },
  },
  'benefits/contract-period': {
    status: 400,
    message: {
      'zh-CN': '合作期限的结束日期不能早于开始日期',
      en: 'The contract cannot end before it starts.',
      lo: 'ສັນຍາບໍ່ສາມາດສິ້ນສຸດກ່ອນເລີ່ມຕົ້ນ',
    },
  },
  'benefits/outlet-not-found': {
    status: 404,
    message: { 'zh-CN': '门店不存在', en: 'No such outlet.', lo: 'ບໍ່ພົບສາຂານີ້' },
  },
  'benefits/not-a-merchant-account': {
    status: 403,
    message: {
      'zh-CN': '当前账号未关联任何合作商户',
      en: 'This account is not linked to a partner merchant.',
      lo: 'ບັນຊີນີ້ບໍ່ໄດ້ເຊື່ອມກັບຮ້ານຄ້າຄູ່ຮ່ວມ',
    },
  },
  'benefits/merchant-inactive': {
    status: 409,
    message: {
      'zh-CN': '商户已暂停合作或不在合作期内，不能核销',
      en: 'The merchant is suspended or outside its contract period and cannot redeem vouchers.',
      lo: 'ຮ້ານຄ້າຖືກລະງັບ ຫຼື ຢູ່ນອກໄລຍະສັນຍາ, ບໍ່ສາມາດໃຊ້ບັດໄດ້',
    },
  },
  'benefits/campaign-not-found': {
    status: 404,
    message: {
      'zh-CN': '消费券活动不存在或不在您的范围内',
      en: 'No such voucher campaign in your scope.',
      lo: 'ບໍ່ພົບແຄມເປນບັດສ່ວນຫຼຸດນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'benefits/campaign-invalid': {
    status: 400,
    message: {
      'zh-CN': '活动设置有误：{reason}',
      en: 'The campaign settings are invalid: {reason}',
      lo: 'ການຕັ້ງຄ່າແຄມເປນບໍ່ຖືກຕ້ອງ: {reason}',
    },
  },
  'benefits/campaign-wrong-status': {
    status: 409,
    message: {
      'zh-CN': '活动当前状态为「{status}」，不能执行此操作',
      en: 'The campaign is {status}; this cannot be done now.',
      lo: 'ແຄມເປນຢູ່ໃນສະຖານະ {status}, ບໍ່ສາມາດເຮັດໄດ້ຕອນນີ້',
    },
  },
  'benefits/maker-checker': {
    status: 403,
    message: {
      'zh-CN': '创建人不能审批自己创建的活动，请由另一位工作人员审批',
      en: 'The creator of a campaign cannot approve it; another staff member must.',
      lo: 'ຜູ້ສ້າງແຄມເປນບໍ່ສາມາດອະນຸມັດເອງໄດ້, ຕ້ອງໃຫ້ພະນັກງານຄົນອື່ນອະນຸມັດ',
    },
  },
  'benefits/not-a-member': {
    status: 403,
    message: {
      'zh-CN': '当前账号未关联会员档案，不能领取或报名',
      en: 'This account has no member record, so it cannot claim or apply.',
      lo: 'ບັນຊີນີ້ບໍ່ມີຂໍ້ມູນສະມາຊິກ, ບໍ່ສາມາດຮັບ ຫຼື ສະໝັກໄດ້',
    },
  },
  'benefits/not-eligible': {
    status: 403,
    message: {
      'zh-CN': '您不符合本活动的领取条件',
      en: 'You are not eligible for this campaign.',
      lo: 'ທ່ານບໍ່ມີສິດສຳລັບແຄມເປນນີ້',
    },
  },
  'benefits/claim-not-open': {
    status: 409,
    message: {
      'zh-CN': '不在领取时间内（{start} 至 {end}）',
      en: 'Claiming is not open now ({start} to {end}).',
      lo: 'ບໍ່ຢູ່ໃນເວລາຮັບບັດ ({start} ຫາ {end})',
    },
  },
  'benefits/sold-out': {
    status: 409,
    message: {
      'zh-CN': '手慢了，本活动的消费券已全部领完',
      en: 'All vouchers of this campaign have been claimed.',
      lo: 'ບັດສ່ວນຫຼຸດຂອງແຄມເປນນີ້ໝົດແລ້ວ',
    },
  },
  'benefits/limit-reached': {
    status: 409,
    message: {
      'zh-CN': '您已领取过本活动的消费券（每人限领 {limit} 张）',
      en: 'You already hold the maximum of {limit} voucher(s) of this campaign.',
      lo: 'ທ່ານໄດ້ຮັບບັດຄົບຈຳນວນສູງສຸດ {limit} ໃບແລ້ວ',
    },
  },
  'benefits/idempotency-key-reused': {
    status: 422,
    message: {
      'zh-CN': 'Idempotency-Key 已用于另一个请求，请为新的请求生成新的键',
      en: 'This Idempotency-Key was used for a different request; use a new key for a new request.',
      lo: 'Idempotency-Key ນີ້ຖືກໃຊ້ກັບຄຳຮ້ອງອື່ນແລ້ວ, ກະລຸນາໃຊ້ລະຫັດໃໝ່',
    },
  },
  'benefits/voucher-not-found': {
    status: 404,
    message: { 'zh-CN': '消费券不存在', en: 'No such voucher.', lo: 'ບໍ່ພົບບັດສ່ວນຫຼຸດນີ້' },
  },
  'benefits/code-invalid': {
    status: 422,
    message: {
      'zh-CN': '券码无效或已过期，请让会员刷新二维码后重试',
      en: 'The code is wrong or has expired. Ask the member to refresh the QR code and try again.',
      lo: 'ລະຫັດບໍ່ຖືກຕ້ອງ ຫຼື ໝົດອາຍຸ, ກະລຸນາໃຫ້ສະມາຊິກໂຫຼດ QR ໃໝ່',
    },
  },
  'benefits/already-redeemed': {
    status: 409,
    message: {
      'zh-CN': '该券已于 {at} 核销，不能重复使用',
      en: 'This voucher was already redeemed at {at} and cannot be used again.',
      lo: 'ບັດນີ້ຖືກໃຊ້ແລ້ວເມື່ອ {at}, ບໍ່ສາມາດໃຊ້ຊ້ຳໄດ້',
    },
  },
  'benefits/voucher-expired': {
    status: 409,
    message: {
      'zh-CN': '该券已过期',
      en: 'This voucher has expired.',
      lo: 'ບັດນີ້ໝົດອາຍຸແລ້ວ',
    },
  },
  'benefits/voucher-not-yet-valid': {
    status: 409,
    message: {
      'zh-CN': '该券尚未到使用时间（{from} 起可用）',
      en: 'This voucher cannot be used before {from}.',
      lo: 'ບັດນີ້ຍັງໃຊ້ບໍ່ໄດ້ຈົນຮອດ {from}',
    },
  },
  'benefits/merchant-not-accepted': {
    status: 409,
    message: {
      'zh-CN': '该券不能在本商户使用',
      en: 'This voucher is not accepted at this merchant.',
      lo: 'ບັດນີ້ໃຊ້ບໍ່ໄດ້ທີ່ຮ້ານນີ້',
    },
  },
  'benefits/below-threshold': {
    status: 422,
    message: {
      'zh-CN': '订单金额未满 {threshold} 元，不能使用该券',
      en: 'The order must be at least {threshold} yuan to use this voucher.',
      lo: 'ຍອດສັ່ງຊື້ຕ້ອງຢ່າງໜ້ອຍ {threshold} ກີບ ເພື່ອໃຊ້ບັດນີ້',
    },
  },
  'benefits/redemption-not-found': {
    status: 404,
    message: {
      'zh-CN': '核销记录不存在',
      en: 'No such redemption.',
      lo: 'ບໍ່ພົບການໃຊ້ບັດນີ້',
    },
  },
  'benefits/reversal-not-allowed': {
    status: 409,
    message: {
      'zh-CN': '该核销已撤销，或已超过 {minutes} 分钟的撤销时限',
      en: 'This redemption was already reversed, or the {minutes}-minute reversal window has passed.',
      lo: 'ການໃຊ້ບັດນີ້ຖືກຍົກເລີກແລ້ວ ຫຼື ກາຍເວລາ {minutes} ນາທີ',
    },
  },
  'benefits/route-not-found': {
    status: 404,
    message: {
      'zh-CN': '疗休养线路不存在或不在您的范围内',
      en: 'No such recuperation route in your scope.',
      lo: 'ບໍ່ພົບເສັ້ນທາງພັກຟື້ນນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'benefits/departure-not-found': {
    status: 404,
    message: { 'zh-CN': '团期不存在', en: 'No such departure.', lo: 'ບໍ່ພົບຖ້ຽວອອກເດີນທາງນີ້' },
  },
  'benefits/application-window': {
    status: 409,
    message: {
      'zh-CN': '不在报名时间内（{start} 至 {end}）',
      en: 'Applications are not open now ({start} to {end}).',
      lo: 'ບໍ່ຢູ່ໃນເວລາສະໝັກ ({start} ຫາ {end})',
    },
  },
  'benefits/already-applied': {
    status: 409,
    message: {
      'zh-CN': '已报名该团期',
      en: 'Already applied for this departure.',
      lo: 'ໄດ້ສະໝັກຖ້ຽວນີ້ແລ້ວ',
    },
  },
  'benefits/application-not-found': {
    status: 404,
    message: { 'zh-CN': '报名记录不存在', en: 'No such application.', lo: 'ບໍ່ພົບການສະໝັກນີ້' },
  },
  'benefits/draw-not-allowed': {
    status: 409,
    message: {
      'zh-CN': '报名截止后才能抽签，且每个团期只抽一次',
      en: 'The draw happens once, after applications close.',
      lo: 'ການຈັບສະຫຼາກເຮັດໄດ້ຄັ້ງດຽວ ຫຼັງປິດການສະໝັກ',
    },
  },
});

export type BenefitsErrorCode = keyof typeof benefitsErrors;
