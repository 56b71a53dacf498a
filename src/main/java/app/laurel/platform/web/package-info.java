/**
 * Page glue shared by all features: showing refusals as faces messages ({@code FacesFeedback}), what a page does
 * with an exception nobody caught ({@code PageFailures}), and the one way to answer 404 ({@code NotFound}).
 */
package app.laurel.platform.web;
