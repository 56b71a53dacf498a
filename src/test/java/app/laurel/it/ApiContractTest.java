package app.laurel.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check itself, on a small document with the kind of mistakes issue 10 found in the real one. */
class ApiContractTest {

    /** ContestJson.units documented with the campaign's UnitJson, as when two records shared a schema name. */
    private static final String DOCUMENT = """
            {"openapi":"3.0.0","paths":{
              "/api/v1/contests/{code}":{"get":{"responses":{"default":{"content":{"application/json":{"schema":
                {"$ref":"#/components/schemas/ContestJson"}}}}}}},
              "/api/v1/notices/objections/{objection: \\\\d+}/decision":{"post":{
                "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/DecisionJson"}}}},
                "responses":{"default":{"content":{"application/json":{"schema":{"type":"object"}}}}}}}},
             "components":{"schemas":{
              "ContestJson":{"type":"object","properties":{"code":{"type":"string"},
                "units":{"type":"array","items":{"$ref":"#/components/schemas/UnitJson"}}}},
              "UnitJson":{"type":"object","properties":{"unitId":{"type":"number"},"unitName":{"type":"string"}}},
              "DecisionJson":{"type":"object","properties":{"decision":{"type":"string"},"reason":{"type":"string"},
                "version":{"type":"number","nullable":true}}}}}}""";

    private final ApiContract contract = new ApiContract(DOCUMENT);

    @Test
    void aBodyThatMatchesItsSchemaPasses() {
        assertEquals(List.of(), contract.violations("GET", "/api/v1/contests/C1", null, 200,
                "{\"code\":\"C1\",\"units\":[{\"unitId\":3,\"unitName\":\"西渡镇\"}]}"));
    }

    @Test
    void propertiesTheSchemaDoesNotNameAreAMismatch() {
        List<String> found = contract.violations("GET", "/api/v1/contests/C1", null, 200,
                "{\"code\":\"C1\",\"units\":[{\"id\":3,\"name\":\"西渡镇\",\"type\":\"TOWNSHIP\"}]}");
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.stream().allMatch(f -> f.contains("/units/0")) && found.get(0).contains("'id'"), found.toString());
    }

    @Test
    void aRequestBodyIsCheckedAndABareObjectStillRefusesAnArray() {
        List<String> found = contract.violations("POST", "/api/v1/notices/objections/7/decision",
                "{\"decision\":\"UPHOLD\",\"investigation\":\"属实\"}", 200, "[{\"id\":7}]");
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("request") && found.get(0).contains("investigation"), found.toString());
        assertTrue(found.get(1).contains("response") && found.get(1).contains("array"), found.toString());
        assertEquals(1, contract.violations("GET", "/api/v1/contests/C1", "{}", 200, "{\"code\":\"C1\"}").size(),
                "a body sent where none is documented");
    }

    @Test
    void nullableTypesAcceptNullAndRefusalsAndUnknownPathsAreLeftAlone() {
        assertEquals(List.of(), contract.violations("POST", "/api/v1/notices/objections/7/decision",
                "{\"decision\":\"UPHOLD\",\"version\":null}", 400, "{\"error\":\"INVALID\"}"));
        assertEquals(1, contract.violations("POST", "/api/v1/notices/objections/x/decision", null, 200, null).size(),
                "a path that matches no documented template (the id is digits only)");
        assertEquals(List.of(), contract.violations("GET", "/api/v1/nothing", null, 404, "{\"error\":\"NOT_FOUND\"}"));
        assertEquals(1, contract.violations("GET", "/api/v1/contests/C1", null, 200, "{\"code\":7}").size(),
                "code must be a string");
    }
}
