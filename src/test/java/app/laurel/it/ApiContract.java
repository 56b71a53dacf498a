package app.laurel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the served {@code /openapi} document promises, checked against what the API really does: each JSON body
 * a successful call sends and receives must match the schema documented for its path, method and status. The
 * check is stricter than OpenAPI's defaults on purpose: an object may carry only the properties its schema
 * names, so a record documented under another record's name is caught. (Endpoints that answer a
 * {@code Response} are documented by Payara as a bare {@code object}, which only checks that an object came
 * back: Payara 6.2025.10 renders {@code @APIResponse} with {@code @Schema(implementation=…)} as an empty
 * object with {@code maxProperties: 0}, so it cannot say more yet.) OpenAPI 3.0 schemas are read as JSON Schema
 * draft 4, with {@code nullable} turned into a {@code null} type.
 */
final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ApiContract> SERVED = new ConcurrentHashMap<>();

    private record Route(Pattern path, int literals, String template) {
    }

    private final JsonNode document;
    private final ObjectNode definitions;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    ApiContract(String openApiJson) {
        try {
            this.document = JSON.readTree(openApiJson);
        } catch (Exception e) {
            throw new IllegalStateException("/openapi is not JSON: " + e.getMessage(), e);
        }
        this.definitions = (ObjectNode) strict(document.path("components").path("schemas").deepCopy());
        document.path("paths").fieldNames().forEachRemaining(t -> routes.add(route(t)));
    }

    /** The contract of the server at {@code base}, read once per test run. */
    static ApiContract of(String base, java.util.function.Supplier<String> fetch) {
        return SERVED.computeIfAbsent(base, b -> new ApiContract(fetch.get()));
    }

    /**
     * What is wrong with one call, empty when nothing is; {@code requestBody} and {@code responseBody} are null
     * when the call had none or it was not JSON.
     */
    List<String> violations(String method, String path, String requestBody, int status, String responseBody) {
        List<String> found = new ArrayList<>();
        String call = method + " " + path + " → " + status;
        JsonNode operation = operation(method, path);
        if (operation == null) {
            if (status != 404 && status != 405) {
                found.add(call + ": not documented at all");
            }
            return found;
        }
        if (status / 100 != 2) {
            return found; // refusals share one error shape, documented in the API's description
        }
        if (requestBody != null && !requestBody.isBlank()) {
            check(call + " request", operation.path("requestBody").path("content").path("application/json").path("schema"),
                    requestBody, found);
        }
        if (responseBody != null && !responseBody.isBlank()) {
            JsonNode responses = operation.path("responses");
            JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.path("default");
            check(call + " response", response.path("content").path("application/json").path("schema"), responseBody, found);
        }
        return found;
    }

    private void check(String what, JsonNode schema, String body, List<String> found) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            found.add(what + ": body not described (" + schema + ")");
            return;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (Exception e) {
            found.add(what + ": not JSON");
            return;
        }
        for (Error error : schema(schema).validate(instance)) {
            found.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage() + " (schema " + schema + ")");
        }
    }

    private Schema schema(JsonNode schema) {
        return schemas.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("definitions", definitions);
            root.putArray("allOf").add(strict(schema.deepCopy()));
            return registry.getSchema(root);
        });
    }

    /** Every operation the description lists, as "METHOD template". */
    List<String> operations() {
        List<String> all = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> all.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return all;
    }

    /** The operation a call lands on, as "METHOD template", or null when none is described. */
    String operationOf(String method, String path) {
        Route best = best(path);
        return best == null || operation(method, path) == null ? null : method + " " + best.template();
    }

    private JsonNode operation(String method, String path) {
        Route best = best(path);
        if (best == null) {
            return null;
        }
        JsonNode operation = document.path("paths").path(best.template()).path(method.toLowerCase(Locale.ROOT));
        return operation.isMissingNode() ? null : operation;
    }

    private Route best(String path) {
        Route best = null;
        for (Route route : routes) {
            if (route.path().matcher(path).matches() && (best == null || route.literals() > best.literals())) {
                best = route;
            }
        }
        return best;
    }

    /** A path template as a pattern: {@code {name}} is one segment, {@code {name: regex}} its own regex. */
    private static Route route(String template) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                regex.append(Pattern.quote(String.valueOf(c)));
                literals++;
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            do {
                depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                end++;
            } while (depth > 0);
            String parameter = template.substring(i + 1, end - 1);
            int colon = parameter.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : parameter.substring(colon + 1).strip()).append(')');
            i = end;
        }
        return new Route(Pattern.compile(regex.toString()), literals, template);
    }

    /** OpenAPI 3.0 to draft 4, closed: refs into definitions, nullable as a type, no properties beyond those named. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(ApiContract::strict);
        } else if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.put("$ref", ref.asText().replace("#/components/schemas/", "#/definitions/"));
            }
            if (object.path("nullable").asBoolean(false) && object.get("type") != null && object.get("type").isTextual()) {
                object.putArray("type").add(object.get("type").asText()).add("null");
            }
            object.remove("nullable");
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                strict(children.next());
            }
        }
        return node;
    }
}
