package intercom

// The parts of a Conversation that API versions after 2.10 add: the AI
// and sales agents' involvement, the channel, external references and QA
// results.

// ConversationAIAgent is the AI Agent's (Fin's) involvement in a
// conversation. API 2.11 and later.
type ConversationAIAgent struct {
	// SourceType is what started the AI Agent: essentials_plan_setup,
	// profile, workflow, workflow_preview or fin_preview.
	SourceType string `json:"source_type,omitempty"`
	// SourceTitle is the title of the workflow or profile that started it.
	SourceTitle string `json:"source_title,omitempty"`
	// LastAnswerType is ai_answer or custom_answer.
	LastAnswerType string `json:"last_answer_type,omitempty"`
	// ResolutionState is assumed_resolution, confirmed_resolution,
	// escalated, negative_feedback or procedure_handoff.
	ResolutionState string `json:"resolution_state,omitempty"`
	// Rating is the customer's rating of the AI Agent (1 to 5).
	Rating int `json:"rating,omitempty"`
	// RatingRemark is the customer's comment with the rating.
	RatingRemark string `json:"rating_remark,omitempty"`
	// ContentSources are the content the AI Agent's answers used.
	ContentSources ContentSourceList `json:"content_sources,omitzero"`
	// CreatedAt is when the AI Agent joined the conversation.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when its involvement last changed.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// ContentSourceList lists the content an AI answer used.
type ContentSourceList struct {
	// Type is "content_source.list".
	Type string `json:"type,omitempty"`
	// TotalCount is the number of content sources.
	TotalCount int `json:"total_count,omitempty"`
	// ContentSources are the sources.
	ContentSources []ContentSource `json:"content_sources,omitempty"`
}

// ContentSource is a piece of content an AI answer used.
type ContentSource struct {
	// ContentType is file, article, external_content, content_snippet or
	// workflow_connector_action.
	ContentType string `json:"content_type,omitempty"`
	// URL is the content's URL in Intercom.
	URL string `json:"url,omitempty"`
	// Title is the content's title.
	Title string `json:"title,omitempty"`
	// Locale is the content's language.
	Locale string `json:"locale,omitempty"`
}

// ConversationSalesAgent is the Sales Agent's involvement in a
// conversation. API 2.16 and later.
type ConversationSalesAgent struct {
	// Outcome is qualified, disqualified, product_discovery,
	// escalated_to_support or spam.
	Outcome string `json:"outcome,omitempty"`
	// RoutingOutcome is where the lead was routed, such as
	// "enterprise_sales".
	RoutingOutcome string `json:"routing_outcome,omitempty"`
	// CollectedData is the data the agent collected, by attribute name
	// (such as "email" or "company.name").
	CollectedData map[string]any `json:"collected_data,omitempty"`
}

// ConversationChannel is the channel a conversation started on and the one
// it is on now. API 2.16 and later.
type ConversationChannel struct {
	// Initial is the channel the conversation started on.
	Initial string `json:"initial,omitempty"`
	// Current is the channel it is on now.
	Current string `json:"current,omitempty"`
}

// ConversationExternalReference links a conversation to a record in
// another system, such as a Zendesk ticket. API 2.16 and later.
type ConversationExternalReference struct {
	// Type is the kind of record, such as "zendesk_ticket".
	Type string `json:"type,omitempty"`
	// ID is the record's id in that system.
	ID ID `json:"id,omitempty"`
}

// ConversationMonitorEvaluation is a QA monitor's result on a conversation
// (sent with SearchRequest.IncludeMonitors). API 2.16 and later.
type ConversationMonitorEvaluation struct {
	// MonitorID is the monitor's id.
	MonitorID ID `json:"monitor_id,omitempty"`
	// MonitorName is the monitor's name.
	MonitorName string `json:"monitor_name,omitempty"`
	// MonitorType is the kind of monitor.
	MonitorType string `json:"monitor_type,omitempty"`
	// Result is the evaluation's result.
	Result string `json:"result,omitempty"`
	// Explanation says why.
	Explanation string `json:"explanation,omitempty"`
	// EvaluatedAt is when the monitor ran.
	EvaluatedAt Timestamp `json:"evaluated_at,omitempty"`
}

// ConversationScorecard is a QA scorecard's result on a conversation (sent
// with SearchRequest.IncludeScorecards). API 2.16 and later. Evaluators and
// ReviewedTeammate are kept as Intercom sends them.
type ConversationScorecard struct {
	// ScorecardID is the scorecard's id.
	ScorecardID ID `json:"scorecard_id,omitempty"`
	// ScorecardVersionID is the version of the scorecard used.
	ScorecardVersionID ID `json:"scorecard_version_id,omitempty"`
	// ScorecardType is the kind of scorecard.
	ScorecardType string `json:"scorecard_type,omitempty"`
	// Name is the scorecard's name.
	Name string `json:"name,omitempty"`
	// Score is the score given.
	Score *float64 `json:"score,omitempty"`
	// AIScore is the score the AI gave.
	AIScore *float64 `json:"ai_score,omitempty"`
	// Passed says whether the conversation passed.
	Passed *bool `json:"passed,omitempty"`
	// EvaluatedAt is when the scorecard was filled in.
	EvaluatedAt Timestamp `json:"evaluated_at,omitempty"`
	// Evaluators are who filled it in.
	Evaluators []map[string]any `json:"evaluators,omitempty"`
	// ReviewedTeammate is the teammate reviewed.
	ReviewedTeammate map[string]any `json:"reviewed_teammate,omitempty"`
}
