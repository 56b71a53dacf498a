/** The audit log page ({@code /organiser/audit.xhtml}). */
package app.laurel.platform.audit.web;
