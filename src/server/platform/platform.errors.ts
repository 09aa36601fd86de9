import { defineErrors } from './errors.ts';
import type { Locale } from './i18n/locale.ts';

export const platformErrors = defineErrors({
  'platform/internal': {
    status: 500,
    message: {
      'zh-CN': '服务器内部错误，请稍后重试',
      en: 'Something went wrong on our side. Please try again later.',
      lo: 'ເກີດຂໍ້ຜິດພາດໃນລະບົບ, ກະລຸນາລອງໃໝ່ພາຍຫຼັງ',
    },
  },
  'platform/not-found': {
    status: 404,
    message: { 'zh-CN': '请求的地址不存在', en: 'No such address.', lo: 'ບໍ່ພົບທີ່ຢູ່ທີ່ຮ້ອງຂໍ' },
  },
  'platform/validation': {
    status: 400,
    message: {
      'zh-CN': '提交的数据有误：{field}',
      en: 'The request has invalid data: {field}',
      lo: 'ຂໍ້ມູນທີ່ສົ່ງມາບໍ່ຖືກຕ້ອງ: {field}',
    },
  },
  'platform/malformed-json': {
    status: 400,
    message: {
      'zh-CN': '请求内容不是有效的 JSON',
      en: 'The request body is not valid JSON.',
      lo: 'ເນື້ອໃນທີ່ສົ່ງມາບໍ່ແມ່ນ JSON ທີ່ຖືກຕ້ອງ',
    },
  },
  'platform/body-too-large': {
    status: 413,
    message: {
      'zh-CN': '请求内容过大（上限 {limit}）',
      en: 'The request body is too large (limit {limit}).',
      lo: 'ເນື້ອໃນທີ່ສົ່ງມາໃຫຍ່ເກີນໄປ (ສູງສຸດ {limit})',
    },
  },
  'platform/unsupported-media-type': {
    status: 415,
    message: {
      'zh-CN': '不支持的内容类型',
      en: 'Unsupported content type.',
      lo: 'ບໍ່ຮອງຮັບປະເພດເນື້ອໃນນີ້',
    },
  },
  'platform/rate-limited': {
    status: 429,
    message: {
      'zh-CN': '操作太频繁，请稍后再试',
      en: 'Too many requests. Please slow down.',
      lo: 'ຮ້ອງຂໍຫຼາຍເກີນໄປ, ກະລຸນາລໍຖ້າ',
    },
  },
  'auth/unauthenticated': {
    status: 401,
    message: {
      'zh-CN': '请先登录',
      en: 'Please sign in first.',
      lo: 'ກະລຸນາເຂົ້າສູ່ລະບົບກ່ອນ',
    },
  },
  'auth/forbidden': {
    status: 403,
    message: {
      'zh-CN': '您没有权限进行此操作',
      en: 'You do not have permission to do this.',
      lo: 'ທ່ານບໍ່ມີສິດເຮັດສິ່ງນີ້',
    },
  },
  'auth/out-of-scope': {
    status: 403,
    message: {
      'zh-CN': '该组织不在您的管理范围内',
      en: 'That organisation is outside your area of responsibility.',
      lo: 'ອົງການນີ້ຢູ່ນອກຂອບເຂດຄວາມຮັບຜິດຊອບຂອງທ່ານ',
    },
  },
  'auth/invalid-credentials': {
    status: 401,
    message: {
      'zh-CN': '用户名或密码不正确',
      en: 'Wrong username or password.',
      lo: 'ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ',
    },
  },
  'auth/locked': {
    status: 423,
    message: {
      'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
      en: 'Too many failed sign-ins: the account is locked. Try again in {minutes} minutes.',
      lo: 'ເຂົ້າສູ່ລະບົບຜິດຫຼາຍຄັ້ງ, ບັນຊີຖືກລັອກ. ກະລຸນາລອງໃໝ່ໃນ {minutes} ນາທີ',
    },
  },
  'auth/account-disabled': {
    status: 403,
    message: {
      'zh-CN': '该账号已停用',
      en: 'This account has been disabled.',
      lo: 'ບັນຊີນີ້ຖືກປິດການນຳໃຊ້ແລ້ວ',
    },
  },
  'auth/weak-password': {
    status: 400,
    message: {
      'zh-CN': '密码至少 10 位，且需包含字母、数字、符号中的两类，不能包含用户名',
      en: 'The password needs at least 10 characters, two of letters, digits and symbols, and must not contain the username.',
      lo: 'ລະຫັດຜ່ານຕ້ອງມີຢ່າງໜ້ອຍ 10 ຕົວ, ມີສອງປະເພດຈາກ ຕົວອັກສອນ ຕົວເລກ ແລະ ສັນຍາລັກ, ແລະ ບໍ່ມີຊື່ຜູ້ໃຊ້',
    },
  },
  'auth/wrong-password': {
    status: 400,
    message: {
      'zh-CN': '当前密码不正确',
      en: 'The current password is wrong.',
      lo: 'ລະຫັດຜ່ານປັດຈຸບັນບໍ່ຖືກຕ້ອງ',
    },
  },
  'files/unreadable': {
    status: 400,
    message: {
      'zh-CN': '无法读取文件，请上传 .xlsx 或 .csv 文件',
      en: 'The file could not be read. Upload an .xlsx or .csv file.',
      lo: 'ບໍ່ສາມາດອ່ານໄຟລ໌ໄດ້, ກະລຸນາອັບໂຫຼດໄຟລ໌ .xlsx ຫຼື .csv',
    },
  },
  'files/has-errors': {
    status: 422,
    message: {
      'zh-CN': '文件中有 {count} 行存在错误，未导入任何数据',
      en: '{count} rows of the file have errors; nothing was imported.',
      lo: 'ມີ {count} ແຖວໃນໄຟລ໌ທີ່ຜິດພາດ, ບໍ່ໄດ້ນຳເຂົ້າຂໍ້ມູນໃດໆ',
    },
  },
});

/** Names of the value types a schema expects, for the `invalid_type` message (zod's names as keys). */
export const typeNames: Record<string, Record<Locale, string>> = {
  number: { 'zh-CN': '数字', en: 'a number', lo: 'ຕົວເລກ' },
  int: { 'zh-CN': '整数', en: 'a whole number', lo: 'ຈຳນວນເຕັມ' },
  string: { 'zh-CN': '文本', en: 'text', lo: 'ຂໍ້ຄວາມ' },
  boolean: { 'zh-CN': '是或否', en: 'true or false', lo: 'ແມ່ນ ຫຼື ບໍ່ແມ່ນ' },
  array: { 'zh-CN': '列表', en: 'a list', lo: 'ລາຍການ' },
  object: { 'zh-CN': '对象', en: 'an object', lo: 'ອອບເຈັກ' },
  date: { 'zh-CN': '日期', en: 'a date', lo: 'ວັນທີ' },
};

/** Messages for one offending field, by the kind of problem (zod issue codes and our own checks). */
export const fieldMessages = {
  required: { 'zh-CN': '必填', en: 'is required', lo: 'ຈຳເປັນຕ້ອງໃສ່' },
  invalid_type: {
    'zh-CN': '类型不正确，应为{expected}',
    en: 'has the wrong type, expected {expected}',
    lo: 'ປະເພດບໍ່ຖືກຕ້ອງ, ຄວນເປັນ {expected}',
  },
  too_small: {
    'zh-CN': '过短或过小（最少 {minimum}）',
    en: 'is too short or too small (minimum {minimum})',
    lo: 'ສັ້ນ ຫຼື ນ້ອຍເກີນໄປ (ຕ່ຳສຸດ {minimum})',
  },
  too_big: {
    'zh-CN': '过长或过大（最多 {maximum}）',
    en: 'is too long or too large (maximum {maximum})',
    lo: 'ຍາວ ຫຼື ໃຫຍ່ເກີນໄປ (ສູງສຸດ {maximum})',
  },
  invalid_format: { 'zh-CN': '格式不正确', en: 'has an invalid format', lo: 'ຮູບແບບບໍ່ຖືກຕ້ອງ' },
  invalid_value: {
    'zh-CN': '取值无效，可选：{options}',
    en: 'has an invalid value; allowed: {options}',
    lo: 'ຄ່າບໍ່ຖືກຕ້ອງ; ທີ່ອະນຸຍາດ: {options}',
  },
  unrecognized_keys: { 'zh-CN': '不允许的字段', en: 'is not an allowed field', lo: 'ບໍ່ແມ່ນຊ່ອງທີ່ອະນຸຍາດ' },
  invalid: { 'zh-CN': '无效', en: 'is invalid', lo: 'ບໍ່ຖືກຕ້ອງ' },
  national_id: {
    'zh-CN': '不是有效的居民身份证号码（校验位不符）',
    en: 'is not a valid national ID number (check digit mismatch)',
    lo: 'ບໍ່ແມ່ນເລກບັດປະຈຳຕົວທີ່ຖືກຕ້ອງ (ເລກກວດສອບບໍ່ກົງ)',
  },
  phone: {
    'zh-CN': '不是有效的手机号码',
    en: 'is not a valid mobile phone number',
    lo: 'ບໍ່ແມ່ນເບີໂທລະສັບມືຖືທີ່ຖືກຕ້ອງ',
  },
  credit_code: {
    'zh-CN': '不是有效的统一社会信用代码',
    en: 'is not a valid unified social credit code',
    lo: 'ບໍ່ແມ່ນລະຫັດສິນເຊື່ອສັງຄົມທີ່ຖືກຕ້ອງ',
  },
  unsafe_text: {
    'zh-CN': '包含不允许的标记或控制字符',
    en: 'contains markup or control characters that are not allowed',
    lo: 'ມີເຄື່ອງໝາຍ ຫຼື ຕົວອັກສອນຄວບຄຸມທີ່ບໍ່ອະນຸຍາດ',
  },
} as const;

export type FieldMessageKey = keyof typeof fieldMessages;
