/** Page and servlet glue shared by all features: refusals as faces messages, and as statuses for the servlets. */
package app.laurel.platform.web;
