/**
 * The workspace pages: {@code /organiser/workspace.xhtml} (every contest) and {@code ?code=HY2021} (one contest's
 * steps), and {@code /organiser/exports.xhtml?code=HY2021}, every export of one contest, gathered from its features.
 */
package app.laurel.workspace.web;
