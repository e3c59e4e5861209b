"""The Lifecycle tab: engagements, criteria and reviews, commitments, metrics, review meetings,
renewal, competitors and stage history of the current account; and the agenda across accounts."""
