/** Pages of the public side: the notice with its objection form, verification, certificates, prizes, and their short links. */
package app.laurel.publication.web;
