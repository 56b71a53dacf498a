/**
 * The column's pages: the public list and story behind clean addresses ({@code /column/HY2021},
 * {@code /column/HY2021/57}), their pictures and videos at {@code /column-media/…}, and the organiser's
 * publishing page.
 */
package app.laurel.publication.web;
