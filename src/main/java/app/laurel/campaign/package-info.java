/**
 * Task campaigns (专项行动): a checklist of tasks (任务清单) with what is checked for each (考核内容) and the office
 * responsible (责任科室); member units report per task with evidence (佐证材料), the office accepts or returns, and the
 * organiser follows a units × tasks progress matrix.
 */
package app.laurel.campaign;
