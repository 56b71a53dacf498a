/** REST resources for notices, objections, certificates and prizes; the pages call the same services. */
package app.laurel.publication.api;
