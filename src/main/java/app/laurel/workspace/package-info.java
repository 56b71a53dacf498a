/**
 * The organiser's contest workspace (活动工作台): the steps of running a contest in order (设置 → 审查 → 评审 → 公示 →
 * 证书 → 奖金 → 专栏), each with its state and the one thing to do next. A read model over the contest features: it
 * reads their entities with a few aggregate queries and changes nothing, and no feature imports it.
 * {@link app.laurel.workspace.Steps} decides states and prompts from plain numbers, so it is tested without a container.
 */
package app.laurel.workspace;
