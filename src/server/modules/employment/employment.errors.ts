import { defineErrors } from '../../platform/errors.ts';

export const employmentErrors = defineErrors({
  'employment/employer-not-found': {
    status: 404,
    message: {
      'zh-CN': '用人单位不存在或不在您的范围内',
      en: 'No such employer in your scope.',
      lo: 'ບໍ່ພົບນາຍຈ້າງນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'employment/credit-code-taken': {
    status: 409,
    message: {
      'zh-CN': '该统一社会信用代码已登记',
      en: 'An employer with this unified social credit code is already registered.',
      lo: 'ລະຫັດສິນເຊື່ອສັງຄົມນີ້ໄດ້ລົງທະບຽນແລ້ວ',
    },
  },
  'employment/employer-needs-credit-code': {
    status: 409,
    message: {
      'zh-CN': '没有统一社会信用代码的单位不能通过认证',
      en: 'An employer without a unified social credit code cannot be verified.',
      lo: 'ນາຍຈ້າງທີ່ບໍ່ມີລະຫັດສິນເຊື່ອສັງຄົມບໍ່ສາມາດຢັ້ງຢືນໄດ້',
    },
  },
  'employment/job-not-found': {
    status: 404,
    message: {
      'zh-CN': '岗位不存在或不在您的范围内',
      en: 'No such job in your scope.',
      lo: 'ບໍ່ພົບຕຳແໜ່ງງານນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'employment/job-closed': {
    status: 409,
    message: {
      'zh-CN': '该岗位当前未开放招聘',
      en: 'This job is not open for applications.',
      lo: 'ຕຳແໜ່ງງານນີ້ບໍ່ໄດ້ເປີດຮັບສະໝັກ',
    },
  },
  'employment/job-full': {
    status: 409,
    message: {
      'zh-CN': '该岗位已招满',
      en: 'This job has no places left.',
      lo: 'ຕຳແໜ່ງງານນີ້ເຕັມແລ້ວ',
    },
  },
  'employment/invalid-job-status': {
    status: 409,
    message: {
      'zh-CN': '岗位状态不能从“{from}”改为“{to}”',
      en: 'A job cannot go from {from} to {to}.',
      lo: 'ສະຖານະຕຳແໜ່ງບໍ່ສາມາດປ່ຽນຈາກ {from} ເປັນ {to}',
    },
  },
  'employment/headcount-below-hired': {
    status: 409,
    message: {
      'zh-CN': '招聘人数不能少于已录用人数（{hired}）',
      en: 'The headcount cannot be lower than the number already hired ({hired}).',
      lo: 'ຈຳນວນຮັບບໍ່ສາມາດໜ້ອຍກວ່າຈຳນວນທີ່ຮັບແລ້ວ ({hired})',
    },
  },
  'employment/not-under-review': {
    status: 409,
    message: {
      'zh-CN': '该岗位没有待审核的内容',
      en: 'This job has nothing waiting for review.',
      lo: 'ຕຳແໜ່ງງານນີ້ບໍ່ມີຫຍັງລໍຖ້າກວດສອບ',
    },
  },
  'employment/duplicate-application': {
    status: 409,
    message: {
      'zh-CN': '您已投递过该岗位',
      en: 'You have already applied for this job.',
      lo: 'ທ່ານໄດ້ສະໝັກຕຳແໜ່ງນີ້ແລ້ວ',
    },
  },
  'employment/application-not-found': {
    status: 404,
    message: {
      'zh-CN': '投递记录不存在或不在您的范围内',
      en: 'No such application in your scope.',
      lo: 'ບໍ່ພົບໃບສະໝັກນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'employment/invalid-transition': {
    status: 409,
    message: {
      'zh-CN': '投递状态不能从“{from}”改为“{to}”',
      en: 'An application cannot go from “{from}” to “{to}”.',
      lo: 'ສະຖານະໃບສະໝັກບໍ່ສາມາດປ່ຽນຈາກ “{from}” ເປັນ “{to}”',
    },
  },
  'employment/profile-not-found': {
    status: 404,
    message: {
      'zh-CN': '求职档案不存在或不在您的范围内',
      en: 'No such job-seeker profile in your scope.',
      lo: 'ບໍ່ພົບໂປຣໄຟລ໌ຜູ້ຊອກວຽກນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'employment/already-reported': {
    status: 409,
    message: {
      'zh-CN': '您已举报过该岗位，工会正在核查',
      en: 'You have already reported this job; the union is looking into it.',
      lo: 'ທ່ານໄດ້ລາຍງານຕຳແໜ່ງນີ້ແລ້ວ, ສະຫະພັນກຳລັງກວດສອບ',
    },
  },
  'employment/zone-not-found': {
    status: 404,
    message: {
      'zh-CN': '专区不存在或不在您的范围内',
      en: 'No such priority zone in your scope.',
      lo: 'ບໍ່ພົບເຂດບູລິມະສິດນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'employment/service-point-not-found': {
    status: 404,
    message: {
      'zh-CN': '服务点不存在或不在您的范围内',
      en: 'No such service point in your scope.',
      lo: 'ບໍ່ພົບຈຸດບໍລິການນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'employment/duplicate-external-id': {
    status: 409,
    message: {
      'zh-CN': '编号 {id} 已存在（文件中重复或已导入过）',
      en: 'The id {id} already exists (repeated in the file or imported before).',
      lo: 'ລະຫັດ {id} ມີຢູ່ແລ້ວ (ຊ້ຳໃນໄຟລ໌ ຫຼື ນຳເຂົ້າແລ້ວ)',
    },
  },
  'employment/phone-registered': {
    status: 409,
    message: {
      'zh-CN': '该手机号已注册，请直接登录',
      en: 'This phone number is already registered. Please sign in.',
      lo: 'ເບີໂທນີ້ໄດ້ລົງທະບຽນແລ້ວ, ກະລຸນາເຂົ້າສູ່ລະບົບ',
    },
  },
});

export type EmploymentErrorCode = keyof typeof employmentErrors;
