/**
 * The public side of a contest's result: the public notice (公示) with objections, honour certificates with online
 * verification, prizes, and the public column (专栏).
 */
package app.laurel.publication;
