package app.laurel.campaign;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One reading of a task's target and offices, whether the page, the API or a sheet gives them. */
class TaskInputRulesTest {

    @Test
    void noComparisonAndNoValueIsNoTargetEvenWithAUnit() {
        assertEquals(Optional.empty(), Target.of(null, null, "条"));
        assertEquals(Optional.empty(), Target.of("  ", null, null));
        assertEquals(Optional.empty(), Target.parse("", "", "条"));
    }

    @Test
    void aComparisonWithoutAValueIsRefusedWithAClearChineseMessage() {
        assertEquals(List.of("选择了目标比较，请填写目标数值；没有目标请选“无目标”。"), chinese(() -> Target.of("AT_LEAST", null, "条")));
        assertEquals(List.of("target"), fields(() -> Target.of("≥", null, null)));
    }

    @Test
    void aValueWithoutAComparisonOrWithAnUnknownOneIsRefused() {
        assertEquals(List.of("填写了目标数值，请选择目标比较（≥、= 或 ≤）。"), chinese(() -> Target.of(null, BigDecimal.TEN, "条")));
        assertEquals(List.of("目标比较“大于”无法识别，请选择 ≥、= 或 ≤。"), chinese(() -> Target.of("大于", BigDecimal.TEN, "条")));
    }

    @Test
    void everyProblemOfATargetIsSaidAtOnce() {
        assertEquals(List.of("comparison", "target", "targetUnit"),
                fields(() -> Target.of("大于", new BigDecimal("1000000000"), "一二三四五六七八九十一二三四五六七八九十一")));
        assertEquals(List.of("target"), fields(() -> Target.of("≥", new BigDecimal("-1"), null)));
        assertEquals(List.of("target"), fields(() -> Target.of("≥", new BigDecimal("1.234"), null)),
                "the column keeps two decimals: a third would be rounded away silently");
    }

    @Test
    void aGoodTargetIsReadFromAnySpellingOfTheComparison() {
        assertEquals("≥ 4 条", Target.of("AT_LEAST", new BigDecimal("4"), " 条 ").orElseThrow().label());
        assertEquals("≤ 2 次", Target.of("<=", new BigDecimal("2.00"), "次").orElseThrow().label());
        assertEquals("= 100 %", Target.parse("达到", "100%", "").orElseThrow().label());
        assertEquals("= 80 %", Target.parse("=", "80％", null).orElseThrow().label());
        assertEquals(List.of("目标数值“四”不是数字。"), chinese(() -> Target.parse("≥", "四", "条")));
    }

    @Test
    void officesAreSplitOnEverySeparatorAnyPathAccepted() {
        assertEquals(List.of("基教科", "职成科", "民办科", "安全科", "办公室", "信息科", "德育科", "体卫科"),
                Office.names(" 基教科 职成科、民办科，安全科,办公室；信息科;德育科/体卫科 "));
        assertEquals(List.of("基教科", "职成科"), Office.names("基教科\u3000职成科"), "a full-width space from a Chinese IME");
        assertEquals(List.of(), Office.names("  、 "));
        assertEquals(List.of(), Office.names(null));
    }

    @Test
    void aTaskFromThePageOrTheApiReadsTargetAndOfficesAsTheImportDoes() {
        List<FieldError> errors = new ArrayList<>();
        TaskDraft draft = new NewTask("开展禁毒主题活动", "查培训记录", List.of("安全科、办公室", "安全科"), "≥", BigDecimal.ONE, "次",
                Instant.parse("2020-11-02T15:59:59Z")).draft(errors);
        assertEquals(List.of(), errors);
        assertEquals(List.of("安全科", "办公室"), draft.officeNames());
        assertEquals("≥ 1 次", draft.target().label());
        TaskDraft imported = TaskImport.rows(List.of(new String[8], new String[]{"1", "开展禁毒主题活动", "查培训记录",
                "安全科、办公室", "≥", "1", "次", "2020-11-02"}), Set.of("安全科", "办公室")).drafts().get(0);
        assertEquals(draft.officeNames(), imported.officeNames());
        assertEquals(draft.target(), imported.target());
    }

    @Test
    void aTaskWithAComparisonButNoValueIsRefusedBesideItsOtherProblems() {
        List<FieldError> errors = new ArrayList<>();
        new NewTask("", "查培训记录", List.of("安全科"), "AT_LEAST", null, null, null).draft(errors);
        assertEquals(List.of("text", "due", "target"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void anImportRowSaysTheTargetProblemWithItsRowNumber() {
        String[] header = new String[8];
        TaskImport.Result result = TaskImport.rows(List.of(header,
                new String[]{"1", "任务一", "查记录", "安全科", "≥", "", "次", "2020-11-02"},
                new String[]{"2", "任务二", "查记录", "安全科", "", "3", "次", "2020-11-02"},
                new String[]{"3", "任务三", "查记录", "安全科", "≥", "0.125", "", "2020-11-02"}), Set.of("安全科"));
        assertEquals(List.of("第 2 行：填写了目标比较，但缺少目标数值。", "第 3 行：填写了目标数值，但缺少目标比较（≥、= 或 ≤）。",
                "第 4 行：目标数值应在 0 到 1000000000 之间，最多两位小数。"),
                result.errors().stream().map(e -> Messages.text(Messages.CHINESE, e.messageKey(), e.args())).toList());
    }

    private static List<String> chinese(Runnable reading) {
        return assertThrows(InvalidInputException.class, reading::run).errors().stream()
                .map(e -> Messages.text(Messages.CHINESE, e.messageKey(), e.args())).toList();
    }

    private static List<String> fields(Runnable reading) {
        return assertThrows(InvalidInputException.class, reading::run).errors().stream().map(FieldError::field).toList();
    }
}
