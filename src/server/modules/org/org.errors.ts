import { defineErrors } from '../../platform/errors.ts';

export const orgErrors = defineErrors({
  'org/organisation-not-found': {
    status: 404,
    message: {
      'zh-CN': '组织不存在或不在您的范围内',
      en: 'No such organisation in your scope.',
      lo: 'ບໍ່ພົບອົງການນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'org/organisation-closed': {
    status: 409,
    message: { 'zh-CN': '该组织已撤销', en: 'This organisation has been closed.', lo: 'ອົງການນີ້ຖືກປິດແລ້ວ' },
  },
  'org/organisation-name-taken': {
    status: 409,
    message: {
      'zh-CN': '同一上级下已有同名组织：{name}',
      en: 'There is already an organisation named {name} under the same parent.',
      lo: 'ມີອົງການຊື່ {name} ຢູ່ພາຍໃຕ້ອົງການແມ່ດຽວກັນແລ້ວ',
    },
  },
  'org/move-into-own-subtree': {
    status: 409,
    message: {
      'zh-CN': '不能把组织移动到它自己的下级之下',
      en: 'An organisation cannot be moved under its own subtree.',
      lo: 'ບໍ່ສາມາດຍ້າຍອົງການໄປຢູ່ພາຍໃຕ້ອົງການຍ່ອຍຂອງມັນເອງ',
    },
  },
  'org/cannot-change-root': {
    status: 409,
    message: {
      'zh-CN': '不能移动或撤销最上级组织',
      en: 'The top organisation cannot be moved or closed.',
      lo: 'ບໍ່ສາມາດຍ້າຍ ຫຼື ປິດອົງການສູງສຸດ',
    },
  },
  'org/organisation-not-empty': {
    status: 409,
    message: {
      'zh-CN': '该组织下还有 {members} 名在册会员或 {children} 个下级组织，不能撤销',
      en: 'The organisation still has {members} active members or {children} open sub-organisations and cannot be closed.',
      lo: 'ອົງການນີ້ຍັງມີສະມາຊິກ {members} ຄົນ ຫຼື ອົງການຍ່ອຍ {children} ແຫ່ງ, ບໍ່ສາມາດປິດໄດ້',
    },
  },
  'org/member-not-found': {
    status: 404,
    message: {
      'zh-CN': '会员不存在或不在您的范围内',
      en: 'No such member in your scope.',
      lo: 'ບໍ່ພົບສະມາຊິກນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'org/member-duplicate-id': {
    status: 409,
    message: {
      'zh-CN': '该身份证号码已登记为会员',
      en: 'A member with this national ID number is already registered.',
      lo: 'ເລກບັດປະຈຳຕົວນີ້ໄດ້ລົງທະບຽນເປັນສະມາຊິກແລ້ວ',
    },
  },
  'org/account-not-found': {
    status: 404,
    message: {
      'zh-CN': '账号不存在或不在您的范围内',
      en: 'No such account in your scope.',
      lo: 'ບໍ່ພົບບັນຊີນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'org/username-taken': {
    status: 409,
    message: {
      'zh-CN': '用户名或手机号已被使用',
      en: 'That username or phone number is already in use.',
      lo: 'ຊື່ຜູ້ໃຊ້ ຫຼື ເບີໂທນີ້ຖືກໃຊ້ແລ້ວ',
    },
  },
  'org/separation-of-duties': {
    status: 409,
    message: {
      'zh-CN': '三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任',
      en: 'Separation of duties: one account cannot be more than one of system, security and audit administrator.',
      lo: 'ການແຍກໜ້າທີ່: ບັນຊີດຽວບໍ່ສາມາດເປັນຜູ້ບໍລິຫານລະບົບ, ຄວາມປອດໄພ ແລະ ການກວດສອບພ້ອມກັນ',
    },
  },
  'org/grant-not-found': {
    status: 404,
    message: { 'zh-CN': '授权记录不存在', en: 'No such role grant.', lo: 'ບໍ່ພົບການມອບສິດນີ້' },
  },
});
