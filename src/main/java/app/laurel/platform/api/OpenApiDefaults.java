package app.laurel.platform.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Payara writes every attribute of a {@code @Schema} annotation into the document, unset ones too, so a schema
 * named in {@code @RequestBody} or {@code @APIResponse} says {@code maxProperties: 0} ("an empty object") and
 * the like. An annotation's default means "not said": this filter takes those values out again. It also writes
 * the versioning (ETag, If-Match, 409) into the operations marked for it, which annotations cannot say.
 */
public class OpenApiDefaults implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        VersionTags.document(openApi);
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        return schema;
    }
}
