package app.laurel.identity;

/** The kinds of member organisation the customer's documents name (乡镇, 园区, 成员单位, 公检法, 学校). */
public enum UnitType {
    TOWNSHIP, PARK, MEMBER, POLITICAL_LEGAL, SCHOOL, OTHER
}
