/** What a complainant should know, beside the complaint form (plain markup: shown before it loads). */
export function ComplaintGuide() {
  return (
    <aside aria-labelledby="complaint-guide" className="lx-complaint-guide">
      <h3 id="complaint-guide">举报须知</h3>
      <ol className="lx-steps">
        <li>
          <strong>实名举报</strong>
          <span className="lx-muted">请如实填写姓名和联系电话，以便核实情况和反馈结果。</span>
        </li>
        <li>
          <strong>写明具体事实</strong>
          <span className="lx-muted">
            写明时间、地点、经过，尽量提供收费凭证、宣传材料、聊天记录截图等证明材料。
          </span>
        </li>
        <li>
          <strong>记下受理编号</strong>
          <span className="lx-muted">凭受理编号和联系电话，在“投诉举报办理查询”中查看办理进度和结果。</span>
        </li>
        <li>
          <strong>调查处理</strong>
          <span className="lx-muted">
            经核实的，视情节约谈警示、暂停目录资格或移出目录，并记入该机构的变更记录。
          </span>
        </li>
      </ol>
      <p className="lx-complaint-privacy">您的个人信息仅用于核实和反馈，不会公开。</p>
    </aside>
  );
}
