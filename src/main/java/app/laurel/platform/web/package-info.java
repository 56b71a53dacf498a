/** Page glue shared by all features: showing refusals as faces messages. */
package app.laurel.platform.web;
