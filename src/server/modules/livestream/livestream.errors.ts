import { defineErrors } from '../../platform/errors.ts';

export const livestreamErrors = defineErrors({
  'live/session-not-found': {
    status: 404,
    message: {
      'zh-CN': '直播不存在或不在您的范围内',
      en: 'No such live session in your scope.',
      lo: 'ບໍ່ພົບການຖ່າຍທອດສົດນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'live/invalid-transition': {
    status: 409,
    message: {
      'zh-CN': '直播状态不能从“{from}”变为“{to}”',
      en: 'A live session cannot go from {from} to {to}.',
      lo: 'ການຖ່າຍທອດສົດບໍ່ສາມາດປ່ຽນຈາກ {from} ເປັນ {to}',
    },
  },
  'live/not-live': {
    status: 409,
    message: {
      'zh-CN': '直播当前未在进行中',
      en: 'The session is not live at the moment.',
      lo: 'ການຖ່າຍທອດສົດບໍ່ໄດ້ອອກອາກາດໃນຕອນນີ້',
    },
  },
  'live/channel-closed': {
    status: 409,
    message: {
      'zh-CN': '该直播已归档，岗位通道已关闭',
      en: 'This session has been archived: its job channel is closed.',
      lo: 'ການຖ່າຍທອດສົດນີ້ຖືກເກັບໄວ້ແລ້ວ, ຊ່ອງທາງວຽກຖືກປິດ',
    },
  },
  'live/job-not-in-session': {
    status: 404,
    message: {
      'zh-CN': '该岗位不在本场直播的岗位通道中',
      en: 'That job is not in this session’s job channel.',
      lo: 'ວຽກນີ້ບໍ່ຢູ່ໃນຊ່ອງທາງວຽກຂອງການຖ່າຍທອດສົດນີ້',
    },
  },
  'live/segment-not-found': {
    status: 404,
    message: {
      'zh-CN': '节目单中没有该环节',
      en: 'No such segment in the rundown.',
      lo: 'ບໍ່ມີພາກສ່ວນນີ້ໃນລາຍການ',
    },
  },
  'live/end-of-rundown': {
    status: 409,
    message: {
      'zh-CN': '已经是节目单的{edge}一个环节',
      en: 'This is already the {edge} segment of the rundown.',
      lo: 'ນີ້ແມ່ນພາກສ່ວນ{edge}ຂອງລາຍການແລ້ວ',
    },
  },
  'live/schedule-invalid': {
    status: 400,
    message: {
      'zh-CN': '结束时间须晚于开始时间',
      en: 'The end must be after the start.',
      lo: 'ເວລາສິ້ນສຸດຕ້ອງຊ້າກວ່າເວລາເລີ່ມ',
    },
  },
  'live/muted': {
    status: 403,
    message: {
      'zh-CN': '您已被禁言，{until} 后可再发言',
      en: 'You have been muted in this group until {until}.',
      lo: 'ທ່ານຖືກຫ້າມສົ່ງຂໍ້ຄວາມຈົນຮອດ {until}',
    },
  },
  'live/removed-from-group': {
    status: 403,
    message: {
      'zh-CN': '您已被移出本场直播的服务群',
      en: 'You have been removed from this session’s service group.',
      lo: 'ທ່ານຖືກເອົາອອກຈາກກຸ່ມບໍລິການຂອງການຖ່າຍທອດສົດນີ້',
    },
  },
  'live/message-rate-limited': {
    status: 429,
    message: {
      'zh-CN': '发言太频繁：每 {seconds} 秒最多 {max} 条，请稍后再发',
      en: 'Too many messages: at most {max} every {seconds} seconds.',
      lo: 'ສົ່ງຂໍ້ຄວາມຖີ່ເກີນໄປ: ສູງສຸດ {max} ຂໍ້ຄວາມທຸກ {seconds} ວິນາທີ',
    },
  },
  'live/message-not-found': {
    status: 404,
    message: {
      'zh-CN': '消息不存在或已被删除',
      en: 'No such message, or it has been removed.',
      lo: 'ບໍ່ພົບຂໍ້ຄວາມ ຫຼື ຖືກລຶບແລ້ວ',
    },
  },
  'live/already-reported': {
    status: 409,
    message: {
      'zh-CN': '您已举报过这条消息',
      en: 'You have already reported this message.',
      lo: 'ທ່ານໄດ້ລາຍງານຂໍ້ຄວາມນີ້ແລ້ວ',
    },
  },
  'live/cannot-sanction-staff': {
    status: 409,
    message: {
      'zh-CN': '不能对工作人员禁言或移出',
      en: 'Staff cannot be muted or removed.',
      lo: 'ບໍ່ສາມາດຫ້າມ ຫຼື ເອົາພະນັກງານອອກໄດ້',
    },
  },
  'survey/not-found': {
    status: 404,
    message: {
      'zh-CN': '问卷不存在或不在您的范围内',
      en: 'No such survey in your scope.',
      lo: 'ບໍ່ພົບແບບສອບຖາມນີ້ໃນຂອບເຂດຂອງທ່ານ',
    },
  },
  'survey/closed': {
    status: 409,
    message: {
      'zh-CN': '问卷未开放作答',
      en: 'This survey is not open for answers.',
      lo: 'ແບບສອບຖາມນີ້ບໍ່ເປີດໃຫ້ຕອບ',
    },
  },
  'survey/already-answered': {
    status: 409,
    message: {
      'zh-CN': '您已提交过这份问卷，每人限答一次',
      en: 'You have already answered this survey: one answer per person.',
      lo: 'ທ່ານໄດ້ຕອບແບບສອບຖາມນີ້ແລ້ວ: ຄົນລະຄັ້ງດຽວ',
    },
  },
  'survey/locked': {
    status: 409,
    message: {
      'zh-CN': '问卷已有答卷，题目不能再修改',
      en: 'The survey has answers: its questions can no longer change.',
      lo: 'ແບບສອບຖາມມີຄຳຕອບແລ້ວ: ບໍ່ສາມາດປ່ຽນຄຳຖາມໄດ້',
    },
  },
  'survey/invalid-answer': {
    status: 400,
    message: {
      'zh-CN': '第 {question} 题的回答无效：{reason}',
      en: 'The answer to question {question} is invalid: {reason}',
      lo: 'ຄຳຕອບຂອງຄຳຖາມ {question} ບໍ່ຖືກຕ້ອງ: {reason}',
    },
  },
  'survey/invalid-question': {
    status: 400,
    message: {
      'zh-CN': '第 {question} 题设置有误：{reason}',
      en: 'Question {question} is not set up correctly: {reason}',
      lo: 'ຄຳຖາມ {question} ຕັ້ງຄ່າບໍ່ຖືກຕ້ອງ: {reason}',
    },
  },
});
