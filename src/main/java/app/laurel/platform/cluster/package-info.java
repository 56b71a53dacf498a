/**
 * Laurel on more than one Payara Micro node (issue 16): which node runs the work that must happen once, and how a
 * node tells the others that something they may have cached has changed. Both ride on the Data Grid (Hazelcast)
 * that Payara Micro already runs; a node alone behaves exactly as before.
 */
package app.laurel.platform.cluster;
