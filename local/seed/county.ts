/** The geography, units and people's names of 示例县, the demo county. */
export const COUNTY_NAME = '示例县';

export const TOWNS: readonly { name: string; communities: readonly string[] }[] = [
  { name: '城关镇', communities: ['人民路社区', '文化路社区', '幸福里社区', '建设街社区'] },
  { name: '城东街道', communities: ['东关社区', '滨河社区', '新华社区'] },
  { name: '城西街道', communities: ['西园社区', '光明社区', '育才社区'] },
  { name: '青山镇', communities: ['青山社区', '石桥村', '松林村'] },
  { name: '河口镇', communities: ['河口社区', '渡口村', '柳湾村'] },
  { name: '白马镇', communities: ['白马社区', '马场村', '杏花村'] },
  { name: '桃源乡', communities: ['桃源村', '李家庄村'] },
  { name: '新集镇', communities: ['新集社区', '王庄村'] },
];

/** 原单位, each with the skills its retirees most often bring to the talent pool. */
export const FORMER_UNITS: readonly { name: string; skills: readonly string[] }[] = [
  { name: '县委办公室', skills: ['写作', '党史宣讲'] },
  { name: '县委组织部', skills: ['党史宣讲', '写作'] },
  { name: '县委宣传部', skills: ['写作', '摄影', '党史宣讲'] },
  { name: '县人大常委会办公室', skills: ['法律', '写作'] },
  { name: '县政协办公室', skills: ['写作', '书法'] },
  { name: '县政府办公室', skills: ['写作', '财会'] },
  { name: '县教育局', skills: ['教学', '心理疏导'] },
  { name: '县第一中学', skills: ['教学', '书法'] },
  { name: '县实验小学', skills: ['教学', '声乐'] },
  { name: '县人民医院', skills: ['医疗', '护理'] },
  { name: '县中医院', skills: ['医疗', '护理'] },
  { name: '县卫生健康局', skills: ['医疗'] },
  { name: '县人民法院', skills: ['法律', '矛盾调解'] },
  { name: '县人民检察院', skills: ['法律'] },
  { name: '县公安局', skills: ['法律', '矛盾调解'] },
  { name: '县司法局', skills: ['法律', '矛盾调解'] },
  { name: '县财政局', skills: ['财会'] },
  { name: '县税务局', skills: ['财会'] },
  { name: '县农业农村局', skills: ['农业技术'] },
  { name: '县林业局', skills: ['农业技术'] },
  { name: '县水利局', skills: ['农业技术'] },
  { name: '县交通运输局', skills: ['家电维修'] },
  { name: '县住房和城乡建设局', skills: ['家电维修'] },
  { name: '县民政局', skills: ['心理疏导', '矛盾调解'] },
  { name: '县文化馆', skills: ['声乐', '戏曲', '绘画'] },
  { name: '县广播电视台', skills: ['摄影', '电脑与手机'] },
  { name: '县供销合作社', skills: ['财会', '农业技术'] },
  { name: '县市场监督管理局', skills: ['法律'] },
  { name: '县科学技术协会', skills: ['电脑与手机', '农业技术'] },
  { name: '青山镇人民政府', skills: ['矛盾调解', '农业技术'] },
  { name: '河口镇人民政府', skills: ['矛盾调解'] },
  { name: '白马镇人民政府', skills: ['农业技术'] },
];

/** Hobbies anyone may list, whatever their former work. */
export const HOBBY_SKILLS: readonly string[] = ['书法', '绘画', '摄影', '声乐', '器乐', '戏曲', '太极拳', '电脑与手机'];

/** Surnames, the common ones repeated so they come up as often as they do in a county. */
export const SURNAMES: readonly string[] = [
  '王', '王', '王', '李', '李', '李', '张', '张', '张', '刘', '刘', '陈', '陈', '杨', '杨', '赵', '黄', '周', '吴',
  '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董',
  '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '魏', '薛', '叶', '阎',
];

export const MALE_GIVEN: readonly string[] = [
  '建国', '建华', '建军', '国强', '国庆', '志刚', '志明', '振华', '德明', '德厚', '文斌', '永祥', '长林', '玉山', '树林',
  '宝成', '卫东', '立新', '学军', '福生', '金山', '春生', '保国', '爱民', '援朝', '胜利', '跃进', '新民', '广才', '明远',
  '家骏', '俊峰', '世杰', '守义', '正清', '庆丰', '汉林', '勇', '军', '伟', '斌', '强', '忠', '平', '刚',
];

export const FEMALE_GIVEN: readonly string[] = [
  '秀英', '桂兰', '玉兰', '淑芬', '秀珍', '凤英', '素华', '丽华', '慧敏', '桂芳', '红梅', '玉珍', '美华', '翠英', '兰英',
  '冬梅', '春华', '淑珍', '彩霞', '爱华', '素琴', '月娥', '玉梅', '瑞芳', '雪琴', '敏', '静', '华', '芳', '英',
];

/** Given names of the next generation, for emergency contacts. */
export const CHILD_GIVEN: readonly string[] = ['晓梅', '晓东', '海涛', '丽娟', '志强', '红霞', '建伟', '小军', '文静', '海燕', '磊', '涛', '琳', '鹏'];
