/** Campaign pages: the organiser's set-up and matrix, a unit's task list, an office's review queue. */
package app.laurel.campaign.web;
