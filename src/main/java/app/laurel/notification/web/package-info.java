/** The message page with its preferences, and the bell in the header. */
package app.laurel.notification.web;
