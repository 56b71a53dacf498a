/**
 * The demo: the seed's 衡阳县 contest with sample units and accounts, loaded once when {@code LAUREL_DEMO_ENABLED=true}.
 * A package of its own because it sets up every feature, so none of them (nor platform) has to know it.
 */
package app.laurel.demo;
