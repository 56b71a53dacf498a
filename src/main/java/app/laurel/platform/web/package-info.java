/**
 * Page and servlet glue shared by all features: showing refusals as faces messages ({@code FacesFeedback}), what
 * a page does with an exception nobody caught ({@code PageFailures}), the one way to answer 404 ({@code NotFound}),
 * and refusals as statuses for the servlets ({@code ServletAnswers}).
 */
package app.laurel.platform.web;
