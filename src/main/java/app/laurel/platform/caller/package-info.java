/** Who is calling: one injectable for the services instead of a private helper in each. */
package app.laurel.platform.caller;
