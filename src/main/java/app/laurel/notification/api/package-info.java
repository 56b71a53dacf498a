/** REST resources for one's own messages and notification preferences; each calls the same MessageService method as the page. */
package app.laurel.notification.api;
