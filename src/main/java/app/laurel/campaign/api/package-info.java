/** The campaign REST API under {@code /api/v1/campaigns}, calling the same service methods as the pages. */
package app.laurel.campaign.api;
