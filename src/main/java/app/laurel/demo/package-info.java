/** The demo: the seed's 衡阳县 contest with sample units and accounts, loaded once when {@code LAUREL_DEMO_ENABLED=true}. */
package app.laurel.demo;
