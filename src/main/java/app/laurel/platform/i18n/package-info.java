/** Language: the resource bundles (zh-CN first, English second) and the visitor's choice between them. */
package app.laurel.platform.i18n;
