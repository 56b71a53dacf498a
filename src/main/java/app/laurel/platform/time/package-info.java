/** The server's clock in Asia/Shanghai, which decides every deadline, and how times are shown on pages. */
package app.laurel.platform.time;
