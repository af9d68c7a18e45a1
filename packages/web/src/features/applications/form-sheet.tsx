import {
  type Field,
  type FormValues,
  fieldApplies,
  type GroupItem,
  type Item,
  type Section,
} from "@linxuan/domain";
import { Fragment, type ReactNode } from "react";
import { FieldCell, FieldLabel, type SheetEnv } from "./field-cell";
import { sectionDomId } from "./form-model";
import { TableEditor } from "./form-table";

/*
 * The form rendered from its template, laid out like the official table: label cells on the
 * left, values on the right, groups (法定代表人 | 姓名 … 身份证号 …) and side-by-side groups
 * (年度计划培训人数 | 培训费用) as on paper. The same renderer shows a submitted version read-only.
 */

type Props = { env: SheetEnv; values: FormValues };

function cell(env: SheetEnv, values: FormValues, field: Field, compact = false) {
  return (
    <FieldCell
      field={field}
      path={field.key}
      label={env.labels.get(field.key) ?? field.label}
      value={values[field.key]}
      issues={env.issues.get(field.key)}
      readOnly={env.readOnly || env.locked.has(field.key)}
      compact={compact}
      levels={env.levels}
      onChange={env.onChange}
    />
  );
}

/** A group's fields, without the figures of levels not applied for (年度计划培训人数·高级 when only 初级/中级). */
function GroupCell({ group, env, values }: { group: GroupItem; env: SheetEnv; values: FormValues }) {
  const shown = group.fields.filter((field) => fieldApplies(field, values));
  if (shown.length === 0) return <div className="lx-muted">（请先勾选拟申报的专业技术等级）</div>;
  return (
    <div className={group.perLine === 2 ? "lx-group lx-group-2" : "lx-group lx-group-1"}>
      {shown.map((field) => (
        <Fragment key={field.key}>
          <div className="lx-sublabel">
            <FieldLabel field={field} path={field.key} notes={env.template.notes} />
          </div>
          {cell(env, values, field)}
        </Fragment>
      ))}
    </div>
  );
}

function Commitment({ env, values, field }: { env: SheetEnv; values: FormValues; field: Field }) {
  const { commitment } = env.template;
  return (
    <div className="lx-commitment">
      <p className="lx-commitment-text">{commitment.text}</p>
      <div className="lx-commitment-signs">
        {commitment.signatures.map((line) => (
          <div key={line}>
            {line}
            <span className="lx-muted">（打印后签章）</span>
          </div>
        ))}
        <div>{commitment.dateLine}</div>
      </div>
      <div className="lx-commitment-consent">{cell(env, values, field)}</div>
    </div>
  );
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={3}>{children}</td>
    </tr>
  );
}

function ItemRows({ item, env, values }: { item: Item; env: SheetEnv; values: FormValues }) {
  const notes = env.template.notes;
  switch (item.item) {
    case "field": {
      const { field } = item;
      if (field.type === "consent") {
        return (
          <tr>
            <td colSpan={4}>
              <Commitment env={env} values={values} field={field} />
            </td>
          </tr>
        );
      }
      return (
        <Row label={<FieldLabel field={field} path={field.key} notes={notes} />}>
          {field.type === "textarea" && !env.readOnly && <div className="lx-hint">{field.hint}</div>}
          {cell(env, values, field)}
        </Row>
      );
    }
    case "row":
      return (
        <tr>
          {item.fields.map((field) => (
            <Fragment key={field.key}>
              <th scope="row">
                <FieldLabel field={field} path={field.key} notes={notes} />
              </th>
              <td colSpan={item.fields.length === 1 ? 3 : 1}>{cell(env, values, field)}</td>
            </Fragment>
          ))}
        </tr>
      );
    case "group":
      return (
        <Row label={item.label}>
          <GroupCell group={item} env={env} values={values} />
        </Row>
      );
    case "groupRow":
      return (
        <tr>
          {item.groups.map((group) => (
            <Fragment key={group.key}>
              <th scope="row">{group.label}</th>
              <td>
                <GroupCell group={group} env={env} values={values} />
              </td>
            </Fragment>
          ))}
        </tr>
      );
    case "breakdown":
      return (
        <tr>
          <th scope="row">
            <FieldLabel field={item.total} path={item.total.key} notes={notes} />
          </th>
          <td>{cell(env, values, item.total)}</td>
          <td colSpan={2}>
            <div className="lx-group lx-group-1">
              {item.parts.map((field) => (
                <Fragment key={field.key}>
                  <div className="lx-sublabel">
                    <FieldLabel field={field} path={field.key} notes={notes} />
                  </div>
                  {cell(env, values, field)}
                </Fragment>
              ))}
            </div>
          </td>
        </tr>
      );
    case "table":
      // Full width whatever the paper does: a table of six inputs needs the room more than a label cell.
      return (
        <tr>
          <td colSpan={4} className="lx-sheet-table">
            <div className="lx-table-title">{item.label}</div>
            <TableEditor table={item} values={values} env={env} />
          </td>
        </tr>
      );
  }
}

export function SheetSection({ section, env, values }: { section: Section } & Props) {
  return (
    <section
      id={sectionDomId(section.key)}
      className="lx-form-section"
      aria-labelledby={`${section.key}-title`}
    >
      <h2 id={`${section.key}-title`} className="lx-form-section-title">
        {section.title}
      </h2>
      <table className="lx-sheet">
        <colgroup>
          <col style={{ width: "17%" }} />
          <col style={{ width: "33%" }} />
          <col style={{ width: "17%" }} />
          <col style={{ width: "33%" }} />
        </colgroup>
        <tbody>
          {section.items.map((item, index) => (
            <ItemRows
              key={
                "key" in item ? item.key : item.item === "field" ? item.field.key : `${item.item}-${index}`
              }
              item={item}
              env={env}
              values={values}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The whole form: every section in order, then the form's notes (注1–注6). */
export function FormSheet({ env, values }: Props) {
  return (
    <div className={env.readOnly ? "lx-form lx-form-readonly" : "lx-form"}>
      <div className="lx-form-title">{env.template.title}</div>
      {env.template.sections.map((section) => (
        <SheetSection key={section.key} section={section} env={env} values={values} />
      ))}
      <div className="lx-form-notes">
        <div>注：</div>
        <ol>
          {env.template.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}
