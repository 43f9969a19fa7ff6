package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// Admin is a teammate of the workspace.
type Admin struct {
	// Type is "admin".
	Type string `json:"type,omitempty"`
	// ID is the admin's id.
	ID ID `json:"id,omitempty"`
	// Name is the admin's full name.
	Name string `json:"name,omitempty"`
	// Email is the admin's email address.
	Email string `json:"email,omitempty"`
	// JobTitle is the admin's job title.
	JobTitle string `json:"job_title,omitempty"`
	// AwayModeEnabled says whether the admin is set to away.
	AwayModeEnabled bool `json:"away_mode_enabled,omitempty"`
	// AwayModeReassign says whether replies to the admin go to the default inbox while away.
	AwayModeReassign bool `json:"away_mode_reassign,omitempty"`
	// HasInboxSeat says whether the admin has a paid inbox seat.
	HasInboxSeat bool `json:"has_inbox_seat,omitempty"`
	// TeamIDs are the teams the admin belongs to.
	TeamIDs []ID `json:"team_ids,omitempty"`
	// Avatar is the URL of the admin's avatar image.
	Avatar string `json:"avatar,omitempty"`
	// TeamPriorityLevel groups the admin's teams by priority.
	TeamPriorityLevel *TeamPriorityLevel `json:"team_priority_level,omitempty"`
	// AwayStatusReasonID is the reason the admin gave for being away (an
	// AwayStatusReason's id). API 2.14 and later.
	AwayStatusReasonID ID `json:"away_status_reason_id,omitempty"`
	// Role is the admin's role, when one is assigned. API 2.16 and later.
	Role AdminRole `json:"role,omitzero"`
}

// AdminRole is the role assigned to an admin.
type AdminRole struct {
	// Type is "role".
	Type string `json:"type,omitempty"`
	// ID is the role's id.
	ID ID `json:"id,omitempty"`
	// Name is the role's name.
	Name string `json:"name,omitempty"`
}

// TeamPriorityLevel lists an admin's primary and secondary teams.
type TeamPriorityLevel struct {
	// PrimaryTeamIDs are the admin's primary teams.
	PrimaryTeamIDs []ID `json:"primary_team_ids,omitempty"`
	// SecondaryTeamIDs are the admin's secondary teams.
	SecondaryTeamIDs []ID `json:"secondary_team_ids,omitempty"`
}

// AdminWithApp is the admin the access token belongs to, with its workspace.
type AdminWithApp struct {
	// Type is "admin".
	Type string `json:"type,omitempty"`
	// ID is the admin's id.
	ID ID `json:"id,omitempty"`
	// Name is the admin's full name.
	Name string `json:"name,omitempty"`
	// Email is the admin's email address.
	Email string `json:"email,omitempty"`
	// JobTitle is the admin's job title.
	JobTitle string `json:"job_title,omitempty"`
	// AwayModeEnabled says whether the admin is set to away.
	AwayModeEnabled bool `json:"away_mode_enabled,omitempty"`
	// AwayModeReassign says whether replies go to the default inbox while away.
	AwayModeReassign bool `json:"away_mode_reassign,omitempty"`
	// HasInboxSeat says whether the admin has a paid inbox seat.
	HasInboxSeat bool `json:"has_inbox_seat,omitempty"`
	// TeamIDs are the teams the admin belongs to.
	TeamIDs []ID `json:"team_ids,omitempty"`
	// Avatar holds the avatar image.
	Avatar AdminAvatar `json:"avatar,omitzero"`
	// EmailVerified says whether the admin's email is verified.
	EmailVerified bool `json:"email_verified,omitempty"`
	// App is the workspace; Intercom may send null.
	App *App `json:"app,omitempty"`
}

// AdminAvatar is the avatar object of AdminWithApp.
type AdminAvatar struct {
	// Type is "avatar".
	Type string `json:"type,omitempty"`
	// ImageURL is the avatar image's URL.
	ImageURL string `json:"image_url,omitempty"`
}

// App is an Intercom workspace.
type App struct {
	// Type is "app".
	Type string `json:"type,omitempty"`
	// IDCode is the workspace id (the app id).
	IDCode string `json:"id_code,omitempty"`
	// Name is the workspace name.
	Name string `json:"name,omitempty"`
	// Region is the hosting region, such as "US".
	Region string `json:"region,omitempty"`
	// Timezone is the workspace time zone, such as "America/Los_Angeles".
	Timezone string `json:"timezone,omitempty"`
	// CreatedAt is when the workspace was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// IdentityVerification says whether identity verification is enabled.
	IdentityVerification bool `json:"identity_verification,omitempty"`
	// Secure is sent by Intercom though the spec omits it.
	Secure bool `json:"secure,omitempty"`
}

// AdminList is the response of listing admins.
type AdminList struct {
	// Type is "admin.list".
	Type string `json:"type,omitempty"`
	// Admins are the workspace's admins.
	Admins []Admin `json:"admins"`
}

// ActivityType is the kind of an admin activity log event, such as
// "admin_login_success" (69 kinds in 2.10; unknown values decode as-is).
type ActivityType string

// A few common activity types; see Intercom's documentation for all.
const (
	ActivityAdminLoginSuccess     ActivityType = "admin_login_success"
	ActivityAdminLoginFailure     ActivityType = "admin_login_failure"
	ActivityAdminLogout           ActivityType = "admin_logout"
	ActivityAdminAwayModeChange   ActivityType = "admin_away_mode_change"
	ActivityAppNameChange         ActivityType = "app_name_change"
	ActivityMessageStateChange    ActivityType = "message_state_change"
	ActivityAdminDeletion         ActivityType = "admin_deletion"
	ActivityAdminPermissionChange ActivityType = "admin_permission_change"
)

// ActivityLog is one event of the admin activity log.
type ActivityLog struct {
	// ID is the event id.
	ID ID `json:"id,omitempty"`
	// PerformedBy is the admin who did it.
	PerformedBy ActivityLogActor `json:"performed_by,omitzero"`
	// Metadata holds details that vary by activity type.
	Metadata ActivityLogMetadata `json:"metadata,omitzero"`
	// CreatedAt is when it happened.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// ActivityType is the kind of event.
	ActivityType ActivityType `json:"activity_type,omitempty"`
	// ActivityDescription is a human-readable description.
	ActivityDescription string `json:"activity_description,omitempty"`
}

// ActivityLogActor is the admin who performed an activity.
type ActivityLogActor struct {
	// Type is "admin".
	Type string `json:"type,omitempty"`
	// ID is the admin's id.
	ID ID `json:"id,omitempty"`
	// Email is the admin's email.
	Email string `json:"email,omitempty"`
	// IP is the address the admin acted from.
	IP string `json:"ip,omitempty"`
}

// ActivityLogMetadata holds the details of an activity. The fields the spec
// names are typed; everything else Intercom sends (which varies by activity
// type, e.g. "before" and "after") is kept in Other.
type ActivityLogMetadata struct {
	// SignInMethod is how the admin signed in.
	SignInMethod string `json:"sign_in_method,omitempty"`
	// ExternalID is the external id involved, if any.
	ExternalID string `json:"external_id,omitempty"`
	// AwayMode is the admin's new away mode.
	AwayMode bool `json:"away_mode,omitempty"`
	// AwayStatusReason is why the admin went away.
	AwayStatusReason string `json:"away_status_reason,omitempty"`
	// ReassignConversations says whether conversations were reassigned.
	ReassignConversations bool `json:"reassign_conversations,omitempty"`
	// Source is where the change came from.
	Source string `json:"source,omitempty"`
	// AutoChanged says whether the change was automatic.
	AutoChanged string `json:"auto_changed,omitempty"`
	// UpdateBy is the id of the admin who made the change.
	UpdateBy ID `json:"update_by,omitempty"`
	// UpdateByName is the name of the admin who made the change.
	UpdateByName string `json:"update_by_name,omitempty"`
	// Other holds the keys the spec does not name.
	Other map[string]json.RawMessage `json:"-"`
}

type activityLogMetadataFields ActivityLogMetadata

var activityLogMetadataKeys = map[string]bool{"sign_in_method": true, "external_id": true, "away_mode": true,
	"away_status_reason": true, "reassign_conversations": true, "source": true, "auto_changed": true,
	"update_by": true, "update_by_name": true}

// UnmarshalJSON decodes the named fields and keeps the rest in Other.
// update_by, an admin id the schema declares an integer, is taken as a
// number or a string.
func (m *ActivityLogMetadata) UnmarshalJSON(b []byte) error {
	w := struct {
		*activityLogMetadataFields
		UpdateBy idString `json:"update_by,omitempty"`
	}{activityLogMetadataFields: (*activityLogMetadataFields)(m)}
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	m.UpdateBy = ID(w.UpdateBy)
	return decodeOther(b, activityLogMetadataKeys, &m.Other)
}

// MarshalJSON encodes the named fields and Other.
func (m ActivityLogMetadata) MarshalJSON() ([]byte, error) {
	return encodeWithOther(activityLogMetadataFields(m), m.Other)
}

// ActivityLogList is one page of the activity log.
type ActivityLogList struct {
	// Type is "activity_log.list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
	// ActivityLogs are the events on this page.
	ActivityLogs []ActivityLog `json:"activity_logs"`
}

// AdminListActivityLogsOptions selects the activity log window. CreatedAtAfter is required.
type AdminListActivityLogsOptions struct {
	// CreatedAtAfter is the start of the window (required).
	CreatedAtAfter Timestamp `url:"created_at_after"`
	// CreatedAtBefore is the end of the window (optional).
	CreatedAtBefore Timestamp `url:"created_at_before,omitempty"`
	// Page and PerPage select a page; Intercom accepts them though the spec does not declare them.
	Page    int `url:"page,omitempty"`
	PerPage int `url:"per_page,omitempty"`
}

// AdminListOptions are the query parameters of listing admins.
type AdminListOptions struct {
	// DisplayAvatar asks for avatar URLs to be included.
	DisplayAvatar bool `url:"display_avatar,omitempty"`
}

// AdminSetAwayRequest changes an admin's away status.
type AdminSetAwayRequest struct {
	// AwayModeEnabled sets the admin away (true) or back (false).
	AwayModeEnabled bool `json:"away_mode_enabled"`
	// AwayModeReassign sends new replies to the default inbox while away.
	AwayModeReassign bool `json:"away_mode_reassign"`
	// AwayStatusReasonID gives the reason for being away (an
	// AwayStatusReason's id, sent as an integer). API 2.14 and later.
	AwayStatusReasonID ID `json:"away_status_reason_id,omitempty" intercom:"since=2.14"`
}

// MarshalJSON encodes the request with away_status_reason_id as an integer.
func (r AdminSetAwayRequest) MarshalJSON() ([]byte, error) {
	type fields AdminSetAwayRequest
	return json.Marshal(struct {
		fields
		AwayStatusReasonID intBodyID `json:"away_status_reason_id,omitempty"`
	}{fields(r), intBodyID(r.AwayStatusReasonID)})
}

// Me returns the admin the access token belongs to, with its workspace.
// GET /me (identifyAdmin).
func (s *AdminsService) Me(ctx context.Context, opts ...Option) (*AdminWithApp, *Response, error) {
	return call[AdminWithApp](ctx, s.client, endpoint{method: http.MethodGet, path: "/me"}, opts)
}

// SetAway sets an admin away or back. PUT /admins/{id}/away (setAwayAdmin).
func (s *AdminsService) SetAway(ctx context.Context, id string, req AdminSetAwayRequest, opts ...Option) (*Admin, *Response, error) {
	if err := checkIntID("away_status_reason_id", req.AwayStatusReasonID); err != nil {
		return nil, nil, err
	}
	return call[Admin](ctx, s.client, endpoint{method: http.MethodPut, path: "/admins/{id}/away", params: []string{id}, body: req}, opts)
}

// ListActivityLogs returns one page of the admin activity log.
// GET /admins/activity_logs (listActivityLogs).
func (s *AdminsService) ListActivityLogs(ctx context.Context, opt AdminListActivityLogsOptions, opts ...Option) (*ActivityLogList, *Response, error) {
	if opt.CreatedAtAfter == 0 {
		return nil, nil, invalid("created_at_after", "is required")
	}
	return call[ActivityLogList](ctx, s.client, endpoint{method: http.MethodGet, path: "/admins/activity_logs", query: opt}, opts)
}

// ListActivityLogsAll iterates over every activity log event in the window,
// fetching pages as the loop needs them.
func (s *AdminsService) ListActivityLogsAll(ctx context.Context, opt AdminListActivityLogsOptions, opts ...Option) iter.Seq2[ActivityLog, error] {
	return walk(ctx, &opt, func(o *AdminListActivityLogsOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *AdminListActivityLogsOptions) ([]ActivityLog, string, error) {
			page, _, err := s.ListActivityLogs(ctx, *o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.ActivityLogs, nextPageNumber(page.Pages, len(page.ActivityLogs)), nil
		})
}

// List returns all admins of the workspace (the list is not paginated).
// GET /admins (listAdmins).
func (s *AdminsService) List(ctx context.Context, opt *AdminListOptions, opts ...Option) (*AdminList, *Response, error) {
	return call[AdminList](ctx, s.client, endpoint{method: http.MethodGet, path: "/admins", query: opt}, opts)
}

// Get returns an admin. GET /admins/{id} (retrieveAdmin).
func (s *AdminsService) Get(ctx context.Context, id string, opts ...Option) (*Admin, *Response, error) {
	return call[Admin](ctx, s.client, endpoint{method: http.MethodGet, path: "/admins/{id}", params: []string{id}}, opts)
}
