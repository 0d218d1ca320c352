"""What happens when a workflow's last task is approved."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision.

    Wagtail's default re-checks that the approver may publish the page. Here approval is
    decided by the task (for instance a practice group's supervisors, who hold no publish
    permission of their own), and the workflow has already checked it.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
