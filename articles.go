package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"sort"
	"time"

	"github.com/google/go-querystring/query"
)

// ArticleState says whether an article (or one locale of it) is live.
type ArticleState string

// Article states. ArticleStateAll is only meaningful as a search filter.
const (
	ArticleStatePublished ArticleState = "published"
	ArticleStateDraft     ArticleState = "draft"
	ArticleStateAll       ArticleState = "all"
)

// ArticleListItem is an article as Intercom lists it (without statistics).
type ArticleListItem struct {
	// Type is "article".
	Type string `json:"type,omitempty"`
	// ID is the article's id.
	ID ID `json:"id,omitempty"`
	// WorkspaceID is the id of the workspace the article belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// Title is the title (of the default locale, for multilingual articles).
	Title string `json:"title,omitempty"`
	// Description is the description (of the default locale).
	Description string `json:"description,omitempty"`
	// Body is the HTML body (of the default locale).
	Body string `json:"body,omitempty"`
	// AuthorID is the admin who wrote the article (of the default locale).
	AuthorID ID `json:"author_id,omitempty"`
	// State is published or draft (of the default locale).
	State ArticleState `json:"state,omitempty"`
	// CreatedAt is when the article was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the article was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// URL is the article's public URL; empty for drafts.
	URL string `json:"url,omitempty"`
	// ParentID is the collection or section holding the article; empty if it stands alone.
	ParentID ID `json:"parent_id,omitempty"`
	// ParentIDs are the ids of all the article's parent collections or sections.
	ParentIDs []ID `json:"parent_ids,omitempty"`
	// ParentType is "collection" or "section".
	ParentType string `json:"parent_type,omitempty"`
	// DefaultLocale is the help center's default locale (multilingual help centers only).
	DefaultLocale string `json:"default_locale,omitempty"`
	// TranslatedContent holds the content per locale (multilingual help centers only).
	TranslatedContent ArticleTranslatedContent `json:"translated_content,omitzero"`
	// Tags are the tags applied to the article. API 2.13 and later.
	Tags ArticleTags `json:"tags,omitzero"`
	// BodyMarkdown is the body in Markdown (of the default locale). API 2.16
	// and later.
	BodyMarkdown string `json:"body_markdown,omitempty"`
	// AIChatbotAvailability says whether the AI Agent (Fin) may use the
	// article (the default locale's setting). API 2.16 and later.
	AIChatbotAvailability bool `json:"ai_chatbot_availability,omitempty"`
	// AICopilotAvailability says whether Copilot may use the article. API
	// 2.16 and later.
	AICopilotAvailability bool `json:"ai_copilot_availability,omitempty"`
	// AISalesAgentAvailability says whether the Sales Agent may use the
	// article. API 2.16 and later.
	AISalesAgentAvailability bool `json:"ai_sales_agent_availability,omitempty"`
	// HasUnpublishedChanges says whether a published article has a staged
	// draft on top of its live content. API 2.16 and later.
	HasUnpublishedChanges bool `json:"has_unpublished_changes,omitempty"`
	// DraftUpdatedAt is when the staged draft was last edited; zero when
	// there is none. API 2.16 and later.
	DraftUpdatedAt Timestamp `json:"draft_updated_at,omitempty"`
	// CreatedByID is the teammate who created the article. API 2.16 and
	// later.
	CreatedByID ID `json:"created_by_id,omitempty"`
	// UpdatedByID is the teammate who last updated the article. API 2.16
	// and later.
	UpdatedByID ID `json:"updated_by_id,omitempty"`
	// ExcludeFromArticleSuggestions says whether the AI Agent leaves the
	// article out of its article suggestions. API 2.16 and later.
	ExcludeFromArticleSuggestions bool `json:"exclude_from_article_suggestions,omitempty"`
	// HelpCenterAudience is who can view the article in the Help Center:
	// everyone, all_users, all_visitors, all_leads, all_visitors_and_leads
	// or restricted. API 2.16 and later.
	HelpCenterAudience string `json:"help_center_audience,omitempty"`
	// ScheduledPublishAt is when the article is scheduled to be published;
	// zero when it is not. API 2.16 and later.
	ScheduledPublishAt Timestamp `json:"scheduled_publish_at,omitempty"`
	// ScheduledUnpublishAt is when the article is scheduled to be
	// unpublished; zero when it is not. API 2.16 and later.
	ScheduledUnpublishAt Timestamp `json:"scheduled_unpublish_at,omitempty"`
}

// ArticleTags lists the tags applied to an article.
type ArticleTags struct {
	// Type is "tag.list".
	Type string `json:"type,omitempty"`
	// Tags are the applied tags.
	Tags []Tag `json:"tags,omitempty"`
}

// Article is a help center article with its statistics.
type Article struct {
	ArticleListItem
	// Statistics are the article's views, conversations and reactions; nil when not sent.
	Statistics *ArticleStatistics `json:"statistics,omitempty"`
}

// ArticleStatistics are the engagement figures of an article.
type ArticleStatistics struct {
	// Type is "article_statistics".
	Type string `json:"type,omitempty"`
	// Views is the number of views.
	Views int `json:"views,omitempty"`
	// Conversations is the number of conversations started from the article
	// (the key Intercom sends).
	Conversations int `json:"conversations,omitempty"`
	// Conversions is the same figure under the name the spec's schema gives it;
	// kept in case a server sends it.
	Conversions int `json:"conversions,omitempty"`
	// Reactions is the number of reactions.
	Reactions int `json:"reactions,omitempty"`
	// HappyReactionPercentage is the share of happy reactions, in percent.
	HappyReactionPercentage float64 `json:"happy_reaction_percentage,omitempty"`
	// NeutralReactionPercentage is the share of neutral reactions, in percent.
	NeutralReactionPercentage float64 `json:"neutral_reaction_percentage,omitempty"`
	// SadReactionPercentage is the share of sad reactions, in percent.
	SadReactionPercentage float64 `json:"sad_reaction_percentage,omitempty"`
	// FinInvolvements is how many conversations the AI Agent (Fin) used the
	// article in. API 2.16 and later.
	FinInvolvements int `json:"fin_involvements,omitempty"`
	// FinResolutions is how many of those Fin resolved. API 2.16 and later.
	FinResolutions int `json:"fin_resolutions,omitempty"`
	// FinResolutionRate is the share of them Fin resolved. API 2.16 and
	// later.
	FinResolutionRate float64 `json:"fin_resolution_rate,omitempty"`
}

// ArticleContent is the content of an article in one locale. It is used in
// responses and in the translated_content of create and update requests
// (where only Title, Description, Body, AuthorID, State and URL matter).
type ArticleContent struct {
	// Type is "article_content".
	Type string `json:"type,omitempty"`
	// Title is the title in this locale.
	Title string `json:"title,omitempty"`
	// Description is the description in this locale.
	Description string `json:"description,omitempty"`
	// Body is the HTML body in this locale.
	Body string `json:"body,omitempty"`
	// AuthorID is the admin who wrote this locale's content (sent as an integer).
	AuthorID ID `json:"author_id,omitempty"`
	// State is published or draft.
	State ArticleState `json:"state,omitempty"`
	// CreatedAt is when this locale's content was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when this locale's content was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// URL is the public URL of this locale's content.
	URL string `json:"url,omitempty"`
	// BodyMarkdown is the body in Markdown, an alternative to Body in
	// requests. API 2.16 and later.
	BodyMarkdown string `json:"body_markdown,omitempty" intercom:"since=2.16"`
	// AudienceIDs are the audiences (Audience ids, sent as integers) the AI
	// Agent targets with this locale's content. API 2.16 and later.
	AudienceIDs []ID `json:"audience_ids,omitempty" intercom:"since=2.16"`
	// AIChatbotAvailability says whether the AI Agent (Fin) may use this
	// locale's content. API 2.16 and later.
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero" intercom:"since=2.16"`
	// AICopilotAvailability says whether Copilot may use it. API 2.16 and
	// later.
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero" intercom:"since=2.16"`
	// AISalesAgentAvailability says whether the Sales Agent may use it. API
	// 2.16 and later.
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero" intercom:"since=2.16"`
	// HasUnpublishedChanges says whether this locale has a staged draft
	// (responses only). API 2.16 and later.
	HasUnpublishedChanges bool `json:"has_unpublished_changes,omitempty" intercom:"since=2.16"`
	// DraftUpdatedAt is when this locale's draft was last edited (responses
	// only). API 2.16 and later.
	DraftUpdatedAt Timestamp `json:"draft_updated_at,omitempty" intercom:"since=2.16"`
	// CreatedByID is the teammate who created this locale's content
	// (responses only). API 2.16 and later.
	CreatedByID ID `json:"created_by_id,omitempty" intercom:"since=2.16"`
	// UpdatedByID is the teammate who last updated it (responses only). API
	// 2.16 and later.
	UpdatedByID ID `json:"updated_by_id,omitempty" intercom:"since=2.16"`
}

type articleContentFields ArticleContent

// MarshalJSON encodes the content with author_id and audience_ids as the
// integers Intercom expects.
func (c ArticleContent) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		articleContentFields
		AuthorID    intBodyID     `json:"author_id,omitempty"`
		AudienceIDs numericIDList `json:"audience_ids,omitempty"`
	}{articleContentFields(c), intBodyID(c.AuthorID), numericIDList(c.AudienceIDs)})
}

// checkArticle2_16 checks the fields API 2.16 adds to creating and updating
// an article.
func checkArticle2_16(body, bodyMarkdown string, audienceIDs Opt[[]ID], publish, unpublish Opt[time.Time]) error {
	if body != "" && bodyMarkdown != "" {
		return invalid("body_markdown", "excludes body: send one of them")
	}
	if err := checkAudienceIDs("audience_ids", audienceIDs); err != nil {
		return err
	}
	if _, ok := publish.Get(); ok {
		if _, ok := unpublish.Get(); ok {
			return invalid("scheduled_unpublish_at", "excludes scheduled_publish_at: an article has one pending schedule at most")
		}
	}
	return nil
}

// ArticleTranslatedContent is an article's content per locale ("en", "fr",
// "pt-BR", …). On the wire it is one object with a key per locale beside a
// "type" key.
type ArticleTranslatedContent struct {
	// Type is "article_translated_content"; leave it empty in requests.
	Type string
	// Locales maps a locale code to the content in that locale.
	Locales map[string]ArticleContent `intercom:"inline"`
}

// IsZero reports whether there is no type and no locale.
func (c ArticleTranslatedContent) IsZero() bool { return c.Type == "" && len(c.Locales) == 0 }

// MarshalJSON encodes the locales as keys beside "type".
func (c ArticleTranslatedContent) MarshalJSON() ([]byte, error) {
	return marshalTranslated(c.Type, c.Locales)
}

// UnmarshalJSON decodes the "type" key and every locale; null decodes to the zero value.
func (c *ArticleTranslatedContent) UnmarshalJSON(b []byte) error {
	return unmarshalTranslated(b, &c.Type, &c.Locales)
}

// marshalTranslated writes {"type": typ, locale: content, …} with sorted keys.
func marshalTranslated[T any](typ string, locales map[string]T) ([]byte, error) {
	keys := make([]string, 0, len(locales))
	for k := range locales {
		if k != "type" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	buf := []byte{'{'}
	if typ != "" {
		tb, _ := json.Marshal(typ)
		buf = append(buf, `"type":`...)
		buf = append(buf, tb...)
	}
	for _, k := range keys {
		vb, err := json.Marshal(locales[k])
		if err != nil {
			return nil, err
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		kb, _ := json.Marshal(k)
		buf = append(buf, kb...)
		buf = append(buf, ':')
		buf = append(buf, vb...)
	}
	return append(buf, '}'), nil
}

// unmarshalTranslated reads the "type" key into typ and every other non-null
// key into locales.
func unmarshalTranslated[T any](b []byte, typ *string, locales *map[string]T) error {
	if string(b) == "null" {
		*typ, *locales = "", nil
		return nil
	}
	var raw map[string]json.RawMessage
	if err := unmarshalModel(b, &raw); err != nil {
		return err
	}
	*typ, *locales = "", nil
	for k, v := range raw {
		if string(v) == "null" {
			continue
		}
		if k == "type" {
			if err := unmarshalModel(v, typ); err != nil {
				return err
			}
			continue
		}
		var c T
		if err := unmarshalModel(v, &c); err != nil {
			return err
		}
		if *locales == nil {
			*locales = make(map[string]T, len(raw))
		}
		(*locales)[k] = c
	}
	return nil
}

// ArticleList is one page of articles.
type ArticleList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of articles in all pages.
	TotalCount int `json:"total_count,omitempty"`
	// Data are the articles on this page.
	Data []ArticleListItem `json:"data"`
}

// ArticleSearchResponse is the result of an article search.
type ArticleSearchResponse struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// TotalCount is the number of matching articles.
	TotalCount int `json:"total_count,omitempty"`
	// Data holds the matching articles and their highlights.
	Data ArticleSearchData `json:"data,omitzero"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
}

// ArticleSearchData is the data object of an article search.
type ArticleSearchData struct {
	// Articles are the matching articles.
	Articles []Article `json:"articles"`
	// Highlights hold the highlighted matches, when asked for.
	Highlights []ArticleSearchHighlight `json:"highlights"`
}

// ArticleSearchHighlight is the highlighted content of one matching article.
type ArticleSearchHighlight struct {
	// ArticleID is the id of the article.
	ArticleID ID `json:"article_id,omitempty"`
	// HighlightedTitle is the title split into plain and highlighted chunks.
	HighlightedTitle []ArticleHighlightText `json:"highlighted_title,omitempty"`
	// HighlightedSummary is the description and body text, as runs of chunks.
	HighlightedSummary [][]ArticleHighlightText `json:"highlighted_summary,omitempty"`
}

// ArticleHighlightText is a chunk of highlighted text.
type ArticleHighlightText struct {
	// Type is "highlight" or "plain".
	Type string `json:"type,omitempty"`
	// Text is the chunk's text.
	Text string `json:"text,omitempty"`
}

// ArticleDeleted is the response of deleting an article.
type ArticleDeleted struct {
	// ID is the id of the deleted article.
	ID ID `json:"id,omitempty"`
	// Object is "article".
	Object string `json:"object,omitempty"`
	// Deleted is true when the article was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// ArticleListOptions selects a page of articles. Intercom accepts these
// parameters though the spec does not declare them.
type ArticleListOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// ArticleSearchOptions are the query parameters of an article search.
type ArticleSearchOptions struct {
	// Phrase is the text to search for.
	Phrase string `url:"phrase,omitempty"`
	// State filters by state: published, draft or all.
	State ArticleState `url:"state,omitempty"`
	// HelpCenterID restricts the search to one help center (a numeric id).
	HelpCenterID string `url:"help_center_id,omitempty"`
	// Highlight asks for highlighted matches in Data.Highlights.
	Highlight bool `url:"highlight,omitempty"`
	// There is no Page or PerPage: Intercom ignores them on article search
	// (it answers page 1 whatever page is asked for). SearchAll follows the
	// next page Intercom itself points at, if any.
}

// ArticleCreateRequest creates an article. Title and AuthorID are required,
// either here or in the default locale's TranslatedContent (Intercom takes
// them from there when they are left out of the top level).
type ArticleCreateRequest struct {
	// Title is the title (of the default locale).
	Title string `json:"title,omitempty"`
	// Description is the description (of the default locale).
	Description string `json:"description,omitempty"`
	// Body is the HTML body (of the default locale).
	Body string `json:"body,omitempty"`
	// AuthorID is the admin who wrote the article (a numeric id; sent as an integer).
	AuthorID string `json:"author_id,omitempty"`
	// State is published or draft (Intercom defaults to draft).
	State ArticleState `json:"state,omitempty"`
	// ParentID is the collection or section to put the article in (a numeric id; sent as an integer).
	ParentID string `json:"parent_id,omitempty"`
	// ParentType is "collection" or "section".
	ParentType string `json:"parent_type,omitempty"`
	// TranslatedContent is the content of other locales.
	TranslatedContent ArticleTranslatedContent `json:"translated_content,omitzero"`
	// BodyMarkdown is the body in Markdown (of the default locale), instead
	// of Body. API 2.16 and later.
	BodyMarkdown string `json:"body_markdown,omitempty" intercom:"since=2.16"`
	// AudienceIDs are the audiences (Audience ids, sent as integers) the AI
	// Agent targets with the article, in every locale; Some([]ID{}) assigns none. API 2.16 and later.
	AudienceIDs Opt[[]ID] `json:"audience_ids,omitzero" intercom:"nullable,since=2.16"`
	// AIChatbotAvailability says whether the AI Agent (Fin) may use the
	// article (the default locale's setting). API 2.16 and later.
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero" intercom:"since=2.16"`
	// AICopilotAvailability says whether Copilot may use the article. API
	// 2.16 and later.
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero" intercom:"since=2.16"`
	// AISalesAgentAvailability says whether the Sales Agent may use the
	// article. API 2.16 and later.
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero" intercom:"since=2.16"`
	// ScheduledPublishAt schedules the article to be published at this
	// (future) time, with State published; Null cancels a pending schedule.
	// API 2.16 and later.
	ScheduledPublishAt Opt[time.Time] `json:"scheduled_publish_at,omitzero" intercom:"nullable,since=2.16"`
	// ScheduledUnpublishAt schedules the article to be unpublished at this
	// (future) time; Null cancels a pending schedule. API 2.16 and later.
	ScheduledUnpublishAt Opt[time.Time] `json:"scheduled_unpublish_at,omitzero" intercom:"nullable,since=2.16"`
}

// MarshalJSON encodes the request with author_id and parent_id as integers,
// leaving out author_id when it is only given in translated_content.
func (r ArticleCreateRequest) MarshalJSON() ([]byte, error) {
	type fields ArticleCreateRequest
	return json.Marshal(struct {
		fields
		AuthorID    intBodyID          `json:"author_id,omitempty"`
		ParentID    intBodyID          `json:"parent_id,omitempty"`
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), intBodyID(r.AuthorID), intBodyID(r.ParentID), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks the request before it is sent: a title and an author are
// required (at the top level or in some locale of TranslatedContent), and ids
// must be numeric.
func (r ArticleCreateRequest) Validate() error {
	hasTitle, hasAuthor := r.Title != "", r.AuthorID != ""
	for loc, c := range r.TranslatedContent.Locales {
		hasTitle = hasTitle || c.Title != ""
		hasAuthor = hasAuthor || c.AuthorID != ""
		if err := checkIntID("translated_content."+loc+".author_id", c.AuthorID); err != nil {
			return err
		}
	}
	if !hasTitle {
		return invalid("title", "is required (in the request or in translated_content)")
	}
	if !hasAuthor {
		return invalid("author_id", "is required (in the request or in translated_content)")
	}
	if err := checkIntID("author_id", r.AuthorID); err != nil {
		return err
	}
	if err := checkArticle2_16(r.Body, r.BodyMarkdown, r.AudienceIDs, r.ScheduledPublishAt, r.ScheduledUnpublishAt); err != nil {
		return err
	}
	return checkIntID("parent_id", r.ParentID)
}

// ArticleUpdateRequest changes an article; empty fields are left unchanged.
type ArticleUpdateRequest struct {
	// Title is the new title (of the default locale).
	Title string `json:"title,omitempty"`
	// Description is the new description (of the default locale).
	Description Opt[string] `json:"description,omitzero"`
	// Body is the new HTML body (of the default locale).
	Body string `json:"body,omitempty"`
	// AuthorID is the new author (a numeric id; sent as an integer).
	AuthorID string `json:"author_id,omitempty"`
	// State is published or draft; left out, the publish state is unchanged.
	State ArticleState `json:"state,omitempty"`
	// ParentID is the new collection or section (sent as a string, as the spec declares).
	ParentID string `json:"parent_id,omitempty"`
	// ParentType is "collection" or "section".
	ParentType string `json:"parent_type,omitempty"`
	// TranslatedContent replaces the content of other locales; Null clears it.
	TranslatedContent Opt[ArticleTranslatedContent] `json:"translated_content,omitzero" intercom:"nullable"`
	// BodyMarkdown is the body in Markdown (of the default locale), instead
	// of Body. API 2.16 and later.
	BodyMarkdown string `json:"body_markdown,omitempty" intercom:"since=2.16"`
	// AudienceIDs are the audiences (Audience ids, sent as integers) the AI
	// Agent targets with the article, in every locale; Some([]ID{}) clears them. API 2.16 and later.
	AudienceIDs Opt[[]ID] `json:"audience_ids,omitzero" intercom:"nullable,since=2.16"`
	// AIChatbotAvailability says whether the AI Agent (Fin) may use the
	// article (the default locale's setting). API 2.16 and later.
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero" intercom:"since=2.16"`
	// AICopilotAvailability says whether Copilot may use the article. API
	// 2.16 and later.
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero" intercom:"since=2.16"`
	// AISalesAgentAvailability says whether the Sales Agent may use the
	// article. API 2.16 and later.
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero" intercom:"since=2.16"`
	// ScheduledPublishAt schedules the article to be published at this
	// (future) time, with State published; Null cancels a pending schedule.
	// API 2.16 and later.
	ScheduledPublishAt Opt[time.Time] `json:"scheduled_publish_at,omitzero" intercom:"nullable,since=2.16"`
	// ScheduledUnpublishAt schedules the article to be unpublished at this
	// (future) time; Null cancels a pending schedule. API 2.16 and later.
	ScheduledUnpublishAt Opt[time.Time] `json:"scheduled_unpublish_at,omitzero" intercom:"nullable,since=2.16"`
}

// MarshalJSON encodes the request with author_id as an integer.
func (r ArticleUpdateRequest) MarshalJSON() ([]byte, error) {
	type fields ArticleUpdateRequest
	return json.Marshal(struct {
		fields
		AuthorID    intBodyID          `json:"author_id,omitempty"`
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), intBodyID(r.AuthorID), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks that the ids are numeric.
func (r ArticleUpdateRequest) Validate() error {
	if err := checkIntID("author_id", r.AuthorID); err != nil {
		return err
	}
	if err := checkArticle2_16(r.Body, r.BodyMarkdown, r.AudienceIDs, r.ScheduledPublishAt, r.ScheduledUnpublishAt); err != nil {
		return err
	}
	if tc, ok := r.TranslatedContent.Get(); ok {
		for loc, c := range tc.Locales {
			if err := checkIntID("translated_content."+loc+".author_id", c.AuthorID); err != nil {
				return err
			}
		}
	}
	return nil
}

// List returns one page of the workspace's articles.
// GET /articles (listArticles).
func (s *ArticlesService) List(ctx context.Context, opt *ArticleListOptions, opts ...Option) (*ArticleList, *Response, error) {
	return call[ArticleList](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles", query: opt}, opts)
}

// ListAll iterates over every article, fetching pages as the loop needs them
// (starting at opt.Page, if set).
func (s *ArticlesService) ListAll(ctx context.Context, opt *ArticleListOptions, opts ...Option) iter.Seq2[ArticleListItem, error] {
	return walk(ctx, opt, func(o *ArticleListOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *ArticleListOptions) ([]ArticleListItem, string, error) {
			page, _, err := s.List(ctx, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// Create creates an article. POST /articles (createArticle).
func (s *ArticlesService) Create(ctx context.Context, req ArticleCreateRequest, opts ...Option) (*Article, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Article](ctx, s.client, endpoint{method: http.MethodPost, path: "/articles", body: req}, opts)
}

// Get returns an article with its statistics. GET /articles/{id} (retrieveArticle).
func (s *ArticlesService) Get(ctx context.Context, id string, opts ...Option) (*Article, *Response, error) {
	return call[Article](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/{id}", params: []string{id}}, opts)
}

// Update changes an article. PUT /articles/{id} (updateArticle).
func (s *ArticlesService) Update(ctx context.Context, id string, req ArticleUpdateRequest, opts ...Option) (*Article, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Article](ctx, s.client, endpoint{method: http.MethodPut, path: "/articles/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes an article. DELETE /articles/{id} (deleteArticle).
func (s *ArticlesService) Delete(ctx context.Context, id string, opts ...Option) (*ArticleDeleted, *Response, error) {
	return call[ArticleDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/articles/{id}", params: []string{id}}, opts)
}

// Search finds articles by phrase, state and help center, optionally with
// highlighted matches. GET /articles/search (searchArticles).
func (s *ArticlesService) Search(ctx context.Context, opt *ArticleSearchOptions, opts ...Option) (*ArticleSearchResponse, *Response, error) {
	if opt != nil {
		if err := checkIntID("help_center_id", opt.HelpCenterID); err != nil {
			return nil, nil, err
		}
	}
	return call[ArticleSearchResponse](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/search", query: opt}, opts)
}

// SearchAll iterates over every article matching the search, fetching pages
// as the loop needs them. It sends the search's own parameters, and for
// later pages only what Intercom's pages.next hands back: Intercom ignores
// page numbers it has not offered, and a page that repeats the one before
// ends the walk with ErrCursorStalled. Highlights are not part of the
// iteration; use Search for them.
func (s *ArticlesService) SearchAll(ctx context.Context, opt *ArticleSearchOptions, opts ...Option) iter.Seq2[Article, error] {
	var o ArticleSearchOptions
	if opt != nil {
		o = *opt
	}
	return paginate(ctx, func(ctx context.Context, cursor string) ([]Article, string, error) {
		if cursor == "" {
			page, _, err := s.Search(ctx, &o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data.Articles, nextLinkQuery(page.Pages, len(page.Data.Articles)), nil
		}
		q, err := query.Values(o)
		if err != nil {
			return nil, "", fmt.Errorf("intercom: encoding query: %w", err)
		}
		next, _ := url.ParseQuery(cursor) // nextLinkQuery encoded it
		for k, v := range next {
			q[k] = v
		}
		page, _, err := call[ArticleSearchResponse](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/search", query: q}, opts)
		if err != nil {
			return nil, "", err
		}
		return page.Data.Articles, nextLinkQuery(page.Pages, len(page.Data.Articles)), nil
	}, false)
}
