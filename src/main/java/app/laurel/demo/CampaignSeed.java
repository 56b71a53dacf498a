package app.laurel.demo;

import java.util.List;

/**
 * Seed 000's campaign as the customer wrote it: 岳阳市教育体育系统毒品预防教育专项行动 (岳教体办通〔2020〕33号), its offices
 * and its 任务清单, the 14 rows in the import layout of {@code app.laurel.campaign.TaskImport} (序号, 具体任务, 考核内容,
 * 责任科室, 目标比较, 目标数值, 单位; the due date is added when loaded). The numbers the seed states became targets; task 13
 * names two (≥ 2 分 in exams, ≥ 4 课时 a year) and a task carries one, so the exam points are its target.
 */
public final class CampaignSeed {

    public static final String CODE = "YY2020";
    public static final String TITLE = "岳阳市教育体育系统毒品预防教育专项行动";
    public static final String DOCUMENT_NO = "岳教体办通〔2020〕33号";
    public static final List<String> OFFICES = List.of("办公室", "基教科", "职成科", "民办科", "安全科", "信息科");
    /** The three phases: name, first and last day in 2020 (the demo moves them to today). */
    public static final List<String[]> PHASES = List.of(
            new String[]{"第一阶段：动员部署", "2020-09-01", "2020-10-31"},
            new String[]{"第二阶段：组织实施", "2020-10-01", "2020-11-30"},
            new String[]{"第三阶段：总结评价", "2020-11-11", "2020-11-20"});
    /** 方案、总结及佐证材料于2020年11月2日前报安全科. */
    public static final String DUE = "2020-11-02";

    public static final List<String[]> TASKS = List.of(
            new String[]{"1", "党委中心组开展禁毒专题学习", "会议记录", "办公室", "", "", ""},
            new String[]{"2", "开展 1 次以上禁毒主题活动，对本单位干部职工进行 1 次禁毒知识培训；组织参观禁毒教育基地 1 次以上。",
                    "查培训记录、参观记录", "安全科", "≥", "1", "次"},
            new String[]{"3", "组织本系统干部职工参加全省禁毒知识竞赛。", "查竞赛成绩", "安全科", "", "", ""},
            new String[]{"4", "设立禁毒宣传橱窗；机关窗口单位 LED 电子屏、多媒体终端滚动播出禁毒宣传内容。", "查宣传图片", "办公室", "", "", ""},
            new String[]{"5", "在本单位网站、微信、微博、抖音公众号上每月不定期发布禁毒宣传知识；本单位运行的政务新媒体上发布禁毒宣传信息 4 条以上。",
                    "查媒体信息、宣传图片", "信息科", "≥", "4", "条"},
            new String[]{"6", "组织开展禁毒专题宣传或者联合其他成员单位下发加强禁毒宣传工作的通知。", "查通知文件、相关资料台账", "安全科", "", "", ""},
            new String[]{"7", "组织本系统干部职工关注“中国禁毒”微信公众号、“中国禁毒在线”微博，“湖南禁毒”微信、微博、抖音公众号。",
                    "查相关数据统计", "信息科", "", "", ""},
            new String[]{"8", "在人民网、新华网、新浪新闻、搜狐新闻、凤凰新闻、网易新闻、今日头条上发布禁毒新闻及消息 5 条以上。",
                    "查媒体信息、宣传图片", "信息科", "≥", "5", "条"},
            new String[]{"9", "全国青少年毒品预防教育数字平台学校注册率、学生注册率、学生完成率达 100%，完成向全国青少年预防教育平台投稿工作任务。",
                    "查相关数据统计", "基教科 职成科 民办科", "=", "100", "%"},
            new String[]{"10", "组织开展青少年毒品预防“五个一”活动。", "查通知文件、相关资料台账", "基教科 职成科 民办科", "", "", ""},
            new String[]{"11", "积极组织中小学生参加全国及全省禁毒知识竞赛。", "查通知文件、相关资料台账", "基教科", "", "", ""},
            new String[]{"12", "设立校园禁毒宣传栏，组织开展禁毒师资培训。", "查通知文件、相关资料台账", "基教科 职成科 民办科", "", "", ""},
            new String[]{"13", "将禁毒知识纳入中小学期末考试内容，不少于两分（百分制）；中小学校落实禁毒专题课程每学年不少于 4 课时。",
                    "查考试试卷、课程计划和教案", "基教科", "≥", "2", "分"},
            new String[]{"14", "开展禁毒示范学校和优秀教师评选。", "查通知文件、相关资料台账", "安全科", "", "", ""});

    private CampaignSeed() {
    }
}
