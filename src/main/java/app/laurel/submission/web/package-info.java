/** Backing beans of the entry form, the receipt, my entries, a township's pre-selection and the organiser's screening. */
package app.laurel.submission.web;
