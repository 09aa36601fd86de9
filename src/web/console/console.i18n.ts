import { defineBundle } from '../shared/i18n.ts';

/** The console shell: sign-in page, header, menu groups, access messages. */
export const consoleI18n = defineBundle({
  'zh-CN': {
    login: {
      title: '工会工作平台',
      subtitle: '组织建设 · 会员管理 · 服务职工',
      welcome: '欢迎登录',
      workerLink: '我是职工，前往工友之家',
      footer: '工友 · 开源的工会服务平台',
    },
    header: {
      account: '当前账号',
      organisation: '所在组织',
      roles: '角色',
      collapse: '收起菜单',
      expand: '展开菜单',
      menu: '主导航',
      loggedOut: '已安全退出',
      listSeparator: '、',
    },
    noAccess: {
      title: '暂无管理权限',
      subtitle: '您的账号没有可使用的管理功能。会员服务请前往工友之家。',
      worker: '前往工友之家',
    },
    forbidden: { title: '无权访问', subtitle: '您没有访问此页面的权限' },
  },
  en: {
    login: {
      title: 'Union Workbench',
      subtitle: 'Organisations · Members · Services for workers',
      welcome: 'Welcome',
      workerLink: "I'm a worker — go to Workers' Home",
      footer: 'Gongyou · open-source service platform for trade unions',
    },
    header: {
      account: 'Signed in as',
      organisation: 'Organisation',
      roles: 'Roles',
      collapse: 'Collapse menu',
      expand: 'Expand menu',
      menu: 'Main navigation',
      loggedOut: 'You have signed out',
      listSeparator: ', ',
    },
    noAccess: {
      title: 'No console access',
      subtitle: "Your account has no management functions. For member services, go to Workers' Home.",
      worker: "Go to Workers' Home",
    },
    forbidden: { title: 'No access', subtitle: 'You do not have permission to open this page' },
  },
  lo: {
    login: {
      title: 'ລະບົບເຮັດວຽກກຳມະບານ',
      subtitle: 'ການຈັດຕັ້ງ · ສະມາຊິກ · ບໍລິການຜູ້ອອກແຮງງານ',
      welcome: 'ຍິນດີຕ້ອນຮັບ',
      workerLink: 'ຂ້ອຍເປັນຜູ້ອອກແຮງງານ, ໄປທີ່ເຮືອນຂອງຜູ້ອອກແຮງງານ',
      footer: 'ກົງໂຢ່ວ · ແພລດຟອມບໍລິການກຳມະບານແບບເປີດເຜີຍລະຫັດ',
    },
    header: {
      account: 'ບັນຊີປັດຈຸບັນ',
      organisation: 'ອົງການ',
      roles: 'ບົດບາດ',
      collapse: 'ຫຍໍ້ເມນູ',
      expand: 'ຂະຫຍາຍເມນູ',
      menu: 'ເມນູຫຼັກ',
      loggedOut: 'ອອກຈາກລະບົບຢ່າງປອດໄພແລ້ວ',
      listSeparator: ', ',
    },
    noAccess: {
      title: 'ບໍ່ມີສິດຄຸ້ມຄອງ',
      subtitle: 'ບັນຊີຂອງທ່ານບໍ່ມີໜ້າທີ່ຄຸ້ມຄອງ. ສຳລັບບໍລິການສະມາຊິກ, ກະລຸນາໄປທີ່ເຮືອນຂອງຜູ້ອອກແຮງງານ.',
      worker: 'ໄປທີ່ເຮືອນຂອງຜູ້ອອກແຮງງານ',
    },
    forbidden: { title: 'ບໍ່ມີສິດເຂົ້າເຖິງ', subtitle: 'ທ່ານບໍ່ມີສິດເປີດໜ້ານີ້' },
  },
});
