/** The workspace pages: {@code /organiser/workspace.xhtml} (every contest) and {@code ?code=HY2021} (one contest's steps). */
package app.laurel.workspace.web;
