import { ChangeDetectionStrategy, Component } from "@angular/core";
import { EmptyStateComponent, PageHeaderComponent } from "@uslimato/web-ui";

/** The host platform's asset list (the module only links to it; the real list lives elsewhere). */
@Component({
  selector: "us-assets-page",
  imports: [EmptyStateComponent, PageHeaderComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-page-header title="Assets" subtitle="Hardware, software and everything else your organisation tracks." />
    <ui-empty-state title="No assets yet" message="Assets you add will be listed here." icon="devices" />
  `,
})
export class AssetsPageComponent {}
