/** What every feature that prints a PDF shares: the CJK face the project brings, since a fresh server has none. */
package app.laurel.platform.pdf;
