/**
 * Cross-cutting glue that no feature owns: configuration, schema migrations, who is calling, language, health,
 * PDF fonts, the REST application, the error answers and the audit trail. Platform serves the features and
 * imports none of them (PackageBoundariesTest): what needs a feature lives in it, such as login under
 * {@code identity.security} and the demo data in {@code app.laurel.demo}.
 */
package app.laurel.platform;
