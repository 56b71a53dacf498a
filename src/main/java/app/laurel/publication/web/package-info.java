/**
 * The public side's pages: the notice with its objection form and its short link {@code /n/{code}}, certificate
 * verification at {@code /verify/{serial}}, the organiser's notice, certificate and prize pages, and the column
 * behind clean addresses ({@code /column/HY2021}, {@code /column/HY2021/57}) with its media at
 * {@code /column-media/…}.
 */
package app.laurel.publication.web;
