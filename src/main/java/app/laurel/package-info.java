/**
 * Laurel (桂冠征评): runs story and video contests from the call for entries to the honour certificates.
 * One package per feature ({@code contest}, {@code identity}, ...) plus {@code storage} and {@code platform}.
 */
package app.laurel;
